"""Companies: the directory of known companies and detection of companies in article text.

Nothing here knows about storage or Textual: detection is a pure function of the text and a
directory, so the CLI can run it on a file without a database."""
