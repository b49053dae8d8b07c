"""Rules that drop what readers complain about from extracted article blocks.

Each rule looks at one block (or a run of blocks) of an already extracted article and decides
whether it is story or page furniture: comment-form headings, share/follow rows, related-story
lists, newsletter and cookie prompts, "Advertisement", author boxes, "The post X appeared first
on Y", "Continue reading", the headline repeated in the body, table-of-contents blocks and image
credits. The rules are deliberately anchored (whole-block matches on short blocks), so a story
paragraph that merely mentions "comments" or "newsletter" is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain

from reader.cleaning.blocks import Block

# ----------------------------------------------------------------------------- patterns

_COMMENT_HEADING = re.compile(
    r"(?:leave|post|add|write|submit|share) (?:a|your|the|us a)? ?(?:reply|comment|response)s?"
    r"|(?:\d+|no|one|two|three) (?:comments?|responses?|replies|thoughts?(?: on .*)?)"
    r"|comments?(?: \(\d+\))?|reader comments|join the (?:discussion|conversation)"
    r"|(?:show|view|load|see|read) (?:all )?(?:\d+ )?comments?|comments are closed\.?"
    r"|you must be logged in to post a comment\.?|cancel reply|what do you think\??"
    r"|tell us what you think.{0,40}|have your say.{0,40}"
    r"|(?:\d+ )?comments? on .{0,120}",
    re.IGNORECASE,
)
"""Headings of the comment section; everything after one, at the end of an article, is comments."""

_SHARE = re.compile(
    r"(?:share|tweet|pin|email|print|save|copy link|like|follow|whatsapp|facebook|twitter|x"
    r"|linkedin|reddit|pinterest|telegram|flipboard|messenger|tumblr|mastodon|threads|bluesky"
    r"|instagram|youtube|rss|sms|pocket|[|:,•·/ ]|on|us|this|article|story|post|page|via"
    r"|share this|click to|opens in new window|\(opens in new window\)|\d+|shares?)+",
    re.IGNORECASE,
)
"""A block made only of share/follow words and network names ("Share this: Facebook Twitter")."""

_SHARE_PHRASE = re.compile(
    r"(?:share|follow|like|tweet|email|print)\b|facebook|twitter|linkedin|whatsapp|pinterest",
    re.IGNORECASE,
)

_FOLLOW = re.compile(
    r"(?:follow|like|find|join|connect with) (?:us|me|\w+(?: \w+)?) on (?:facebook|twitter|x|"
    r"instagram|linkedin|youtube|telegram|tiktok|threads|bluesky|mastodon|google news)"
    r"(?:(?:,| and| or|/) ?(?:facebook|twitter|x|instagram|linkedin|youtube|telegram|tiktok"
    r"|threads|bluesky|mastodon|google news))*[.!]?",
    re.IGNORECASE,
)

_RELATED_HEADING = re.compile(
    r"(?:related(?: posts?| articles?| stories| content| coverage| reading| news| links?)?"
    r"|(?:you )?(?:may|might|will|could) also (?:like|enjoy|be interested in)"
    r"|(?:read|see) (?:more|also|next)(?: stories| articles| news)?"
    r"|recommended(?: for you| reading| stories)?"
    r"|more (?:from|on|in|about|stories|articles|news|coverage)(?: .{0,60})?|more to read"
    r"|trending(?: now| stories)?|popular(?: now| stories| posts)?"
    r"|most (?:read|popular|viewed|shared)"
    r"|latest (?:news|stories|posts|articles)|also read|don'?t miss|editor'?s picks|top stories"
    r"|further reading|keep reading|what to read next|similar (?:posts|articles|stories))[:.]?",
    re.IGNORECASE,
)

_READ_MORE_LINE = re.compile(
    r"(?:read more|read also|also read|see also|related|more|read next|read|watch|listen"
    r"|recommended|suggested|must read|related article|related story|related coverage"
    r"|further reading|click here|more on this|more from)\s*[:>»|-]+\s*.+",
    re.IGNORECASE,
)
"""An inline teaser: "Read more: <other headline>", "RELATED: <other headline>"."""

_CONTINUE = re.compile(
    r"(?:\[?(?:…|\.\.\.)\]?\s*)?(?:continue reading"
    r"|read (?:the )?(?:full|rest of the|more|entire)(?: article| story| post)?|read more"
    r"|keep reading|view (?:the )?(?:full|original) (?:article|post)"
    r"|(?:this|the) (?:article|post|story) (?:was )?(?:originally |first )?(?:appeared|published)"
    r" (?:first )?on .{1,80})"
    r"(?:\s.{0,80})?\s*[→»›>.…]*",
    re.IGNORECASE,
)

_APPEARED_FIRST = re.compile(
    r"(?:the post|the article|this post|this article) .{1,300}? (?:appeared|was published)"
    r" first on .{1,120}",
    re.IGNORECASE | re.DOTALL,
)
_APPEARED_FIRST_TAIL = re.compile(
    r"\s*(?:the post|this post) .{1,300}? (?:appeared|was published) first on .{1,120}$",
    re.IGNORECASE | re.DOTALL,
)
_CONTINUE_TAIL = re.compile(
    r"\s*(?:\[?(?:…|\.\.\.)\]?\s*)?(?:continue reading|read more|keep reading)(?: .{0,100})?"
    r"\s*[→»›>.…]*$",
    re.IGNORECASE,
)

_TAILS = (
    (_APPEARED_FIRST_TAIL, ("first on",)),
    (_CONTINUE_TAIL, ("continue reading", "read more", "keep reading")),
)

_PROMPT = re.compile(
    r"(?:sign up|subscribe|register|join|get|enter your email)(?: now| today| here| free)?"
    r"(?: for| to| and get)? (?:(?:our|the|my|a|free|daily|weekly|\w+'s) )*"
    r"(?:\w+ )?(?:newsletters?|e-?mails?|briefing|digest|updates|alerts|inbox)\b.{0,200}"
    r"|(?:we|this (?:web)?site|our (?:web)?site) uses? cookies.{0,300}"
    r"|by (?:using|continuing to use) (?:this|our) (?:web)?site.{0,300}"
    r"|(?:accept|manage|reject) (?:all )?cookies.{0,100}"
    r"|(?:your|the) email address will not be published.{0,200}"
    r"|required fields are marked.{0,40}"
    r"|(?:subscribe|sign up|log ?in|register)(?: now| today| here)?"
    r"(?: to (?:continue|read|unlock|get).{0,120})?"
    r"|(?:already (?:a subscriber|have an account)|not a subscriber)\??.{0,120}"
    r"|thank you for (?:signing up|subscribing).{0,120}"
    r"|.{0,120}\bdelivered (?:to|through|straight to|right to) your"
    r" (?:inbox|letterbox|door(?:step)?|mailbox)\b.{0,200}"
    r"|.{0,60}\bnewsletters?",
    re.IGNORECASE,
)

_ADVERT = re.compile(
    r"(?:advertisement|advertising|ad|ads|sponsored(?: content| post)?|paid content"
    r"|(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)"
    r"|scroll (?:down )?to continue(?: reading)?|continue reading below|skip (?:the )?ad"
    r"|reklama|anúncio|publicidade|iklan|реклама|広告)[\s.:-]*",
    re.IGNORECASE,
)

_AUTHOR_HEADING = re.compile(
    r"(?:about (?:the )?authors?|about (?:the )?writer|author bio|the author|written by"
    r"|by the author"
    r"|more (?:posts|articles|stories) (?:by|from) .{1,60})[:.]?",
    re.IGNORECASE,
)

_CREDIT = re.compile(
    r"(?:\(?(?:photo|image|picture|illustration|graphic|video|foto|imagem|gambar|фото)s?"
    r"(?: credit)?s?\s*(?:[:/|©]|by\b).{0,200})"
    r"|(?:\(?(?:credit|source|courtesy|©|copyright)\s*[:©].{0,120})"
    r"|.{0,160}(?:/|\|| via )\s*(?:getty images|afp|reuters|ap photo|associated press"
    r"|shutterstock|epa|istock|alamy|bloomberg)(?: via getty images)?\)?\.?"
    r"|.{0,120}\b(?:photos?|images?|pictures?|fotos?)\s*(?:©|\(c\)|courtesy(?: of)?|credits?:?)"
    r"\s.{0,120}",
    re.IGNORECASE,
)

_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\)).{0,150}|.{0,150}all rights reserved\.?", re.IGNORECASE
)

_TRIGGER_WORDS = frozenset(
    {
        "share", "shares", "sharing", "tweet", "email", "e", "mail", "print", "follow", "like",
        "find", "join", "connect", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "ad",
        "ads", "paid", "continue", "continues", "scroll", "skip", "sign", "get", "enter", "cookie",
        "cookies", "using", "accept", "manage", "reject", "required", "login", "log", "already",
        "thank", "appeared", "published", "read", "view", "photo", "photos", "image", "images",
        "picture", "pictures", "illustration", "graphic", "video", "foto", "fotos", "imagem",
        "gambar", "фото", "credit", "credits", "source", "courtesy", "c", "copyright", "rights",
        "getty", "afp", "reuters", "ap", "press", "shutterstock", "epa", "istock", "alamy",
        "bloomberg", "see", "related", "more", "watch", "listen", "recommended", "suggested",
        "must", "further", "click", "delivered",
    }
)  # fmt: skip
_TRIGGER_PREFIXES = ("advert", "sponsor", "subscri", "regist", "newsletter", "reklam", "реклам")


def _triggered(text: str) -> bool:
    """Whether the block holds one of the words that every single-block rule needs. A rule's
    match counts only when it does (this is asked after a rule matched)."""
    if "©" in text or "広告" in text or "[" in text:
        return True
    lower = text.lower()
    tokens = set(_word_list(lower))
    if not tokens.isdisjoint(_TRIGGER_WORDS):
        return True
    if not any(prefix in lower for prefix in _TRIGGER_PREFIXES):
        return False
    return any(token.startswith(_TRIGGER_PREFIXES) for token in tokens)


_TOC_TITLE = re.compile(
    r"(?:table of )?contents|in this (?:article|post|guide|story)|on this page|jump to"
    r"|quick links|inhalt|inhaltsverzeichnis|índice|conteúdo|daftar isi|содержание|目次[:.]?",
    re.IGNORECASE,
)

_SHORTCODE = re.compile(r"\[(\w+)(?:\s[^\]]*)?\].*\[/\1\]|\[\w+(?:\s[^\]]*)?/?\]")
"""A WordPress shortcode that leaked into the text: "[button link=...]Send us...[/button]"."""

_RELATED_LEAD = re.compile(
    r"(?:related|read more|see also|more|also read|read also|recommended|further reading)"
    r"(?: (?:stories|articles|coverage|links|reading))?\s*:.*",
    re.IGNORECASE,
)
"""A line that introduces a list of links to other stories ("Related: ...")."""

_FOLLOW_ANYWHERE = re.compile(
    r"\bfollow (?:him|her|them|us|me|\w+) (?:on|at) (?:twitter|facebook|instagram|linkedin|x"
    r"|bluesky|threads|mastodon)\b",
    re.IGNORECASE,
)

_SENTENCE_ENDS = tuple(".!?…:;\"'”’)。！？")
_WORD = re.compile(r"\w+", re.UNICODE)


# ----------------------------------------------------------------------------- helpers


_ASCII_NON_WORD = bytes(
    c if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(128)
) + bytes(range(128, 256))
"""A byte table turning every ASCII character that is not a word character into a space."""


def _word_list(text: str) -> list[str]:
    """``_WORD.findall(text)``. ASCII text (nearly all of it) is done several times faster by
    turning its punctuation into spaces with a byte table and splitting: every piece left is
    then one run of word characters. Other text goes to the regex, which beats a ``str``
    translation table on it."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()
    return _WORD.findall(text)


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for comparing short lines. Remembered:
    a feed's template lines ("Share this:", "Related") come back in every entry."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_word_list(text))


_ASCII_SPACE_MARKS = bytes(0x20 if chr(c).isspace() else ord("x") for c in range(128)) + bytes(
    [ord("x")] * 128
)
"""A byte table turning each ASCII whitespace character (what ``str.split`` splits on) into a
space and every other byte into "x"."""


@lru_cache(maxsize=4096)
def _words(text: str) -> int:
    """Rough word count for length limits: whitespace-separated, with long unspaced text (CJK)
    counted by length so it never passes as a short line. Every rule asks it of the same
    blocks again, so it is remembered (a string's hash is computed once and kept).

    ``len(text.split())`` is counted without making the pieces: for ASCII text, the words are
    where a space mark is followed by a word mark (written out here, as a call costs as much)."""
    if text.isascii():
        marks = text.encode("ascii").translate(_ASCII_SPACE_MARKS)
        count = marks.count(b" x") + marks.startswith(b"x")
    else:
        count = len(text.split())
    by_length = len(text) // 12
    return count if count > by_length else by_length


_OVER_20_WORDS = 21 * 12
"""Characters from which ``_words`` counts a text as more than 20 words whatever its spaces: the
passes that only need to know that ask a story paragraph no further."""


_CASE_TRAPS = "\u0130\u0131\u017f\u1c82\u1c84\u1c85"
"""The characters that ``re.IGNORECASE`` matches to a letter of the hint words below although
``str.lower`` does not turn them into it (dotted "İ", dotless "ı", long "ſ" and three old
Cyrillic letter forms); tests/cleaning/test_boilerplate_hints.py derives them again."""


@lru_cache(maxsize=4096)
def _lowered(text: str) -> str | None:
    """The stripped text in lower case, in which the hints below look for the words a rule
    cannot match without; None (run the rule) when it holds one of ``_CASE_TRAPS``."""
    if not text.isascii() and any(map(text.__contains__, _CASE_TRAPS)):
        return None
    return text.strip().lower()


_PROMPT_STARTS = (
    "sign up", "subscribe", "register", "join", "get", "enter your email", "by using",
    "by continuing to use", "required fields are marked", "log", "already a subscriber",
    "already have an account", "not a subscriber", "thank you for",
)  # fmt: skip
_PROMPT_WORDS = ("cookies", "email address will not be published", "delivered", "newsletter")


def _may_be_prompt(text: str) -> bool:
    """False when ``_PROMPT`` cannot match: each of its branches starts with one of
    ``_PROMPT_STARTS`` or contains one of ``_PROMPT_WORDS``. Story paragraphs are ruled out
    here instead of by the regex, whose ``.{0,120}`` branches backtrack over the text."""
    lower = _lowered(text)
    if lower is None:
        return True
    return lower.startswith(_PROMPT_STARTS) or any(map(lower.__contains__, _PROMPT_WORDS))


_CREDIT_STARTS = (
    "photo", "image", "picture", "illustration", "graphic", "video", "foto", "imagem", "gambar",
    "фото", "credit", "source", "courtesy", "©", "copyright",
)  # fmt: skip
_CREDIT_AGENCIES = (
    "getty images", "afp", "reuters", "ap photo", "associated press", "shutterstock", "epa",
    "istock", "alamy", "bloomberg",
)  # fmt: skip


def _may_be_credit(text: str) -> bool:
    """False when ``_CREDIT`` cannot match. Its branches: a credit word first (after an
    optional "("); an agency name last (before an optional ")" and "."); a photo word and a
    credit mark somewhere."""
    lower = _lowered(text)
    if lower is None:
        return True
    head = lower[1:] if lower.startswith("(") else lower
    if head.startswith(_CREDIT_STARTS):
        return True
    if lower.removesuffix(".").removesuffix(")").endswith(_CREDIT_AGENCIES):
        return True
    return any(map(lower.__contains__, ("photo", "image", "picture", "foto"))) and any(
        map(lower.__contains__, ("©", "(c)", "courtesy", "credit"))
    )


_SHARE_WORDS = (
    "share", "follow", "like", "tweet", "email", "print", "facebook", "twitter", "linkedin",
    "whatsapp", "pinterest",
)  # fmt: skip


_NEVER_IN_SHARE_ROWS = (".", "?", "!", "'", "’", '"', "“", ";")
"""Characters that no part of ``_SHARE`` matches: a sentence has one of them."""


def _may_be_share_row(text: str) -> bool:
    """False when ``_SHARE`` cannot match the whole text (one of ``_NEVER_IN_SHARE_ROWS`` is in
    it) or ``_SHARE_PHRASE`` finds nothing (none of ``_SHARE_WORDS`` is in it)."""
    if any(map(text.__contains__, _NEVER_IN_SHARE_ROWS)):
        return False
    lower = _lowered(text)
    return lower is None or any(map(lower.__contains__, _SHARE_WORDS))


def _may_have_appeared_first(text: str) -> bool:
    """False when ``_APPEARED_FIRST`` cannot match: it needs the words "first on"."""
    lower = _lowered(text)
    return lower is None or "first on" in lower


def _may_be_copyright(text: str) -> bool:
    """False when ``_COPYRIGHT`` cannot match: it starts with the mark or ends with "all
    rights reserved" (and an optional ".")."""
    lower = _lowered(text)
    if lower is None:
        return True
    return lower.startswith(("copyright", "©", "(c)")) or lower.removesuffix(".").endswith(
        "all rights reserved"
    )


def _ends_sentence(text: str) -> bool:
    """Whether the text ends (before any trailing whitespace) with sentence punctuation."""
    return text.rstrip().endswith(_SENTENCE_ENDS)


def _full(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.fullmatch(text.strip()) is not None


def _title_variants(titles: Iterable[str | None]) -> set[str]:
    """The headline as the body may repeat it: whole, and without a " - Site name" suffix."""
    keys: set[str] = set()
    for title in titles:
        if not title:
            continue
        keys.add(normalise(title))
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "):
            if separator in title:
                head, _, _tail = title.rpartition(separator)
                keys.add(normalise(head))
                first, _, _rest = title.partition(separator)
                keys.add(normalise(first))
    keys.discard("")
    return {key for key in keys if len(key.split()) >= 3}


# ----------------------------------------------------------------------------- rules


def is_comment_heading(text: str) -> bool:
    return _words(text) <= 14 and _full(_COMMENT_HEADING, text)


def is_share_row(text: str) -> bool:
    stripped = text.strip()
    if _words(stripped) > 24:
        return False
    if _full(_FOLLOW, stripped):
        return True
    # cheapest first: the phrase search tries every branch at every position of the text
    return (
        _may_be_share_row(stripped)
        and _full(_SHARE, stripped)
        and _SHARE_PHRASE.search(stripped) is not None
    )


def is_related_heading(text: str) -> bool:
    return _words(text) <= 10 and _full(_RELATED_HEADING, text)


def is_read_more_line(block: Block) -> bool:
    """A teaser line pointing elsewhere: "Read more: <headline>" as a link."""
    if _words(block.text) > 30:
        return False
    text = block.plain()
    # the regex needs one of these marks after the lead words
    if not any(map(text.__contains__, ":>»|-")) or not _full(_READ_MORE_LINE, text):
        return False
    return bool(block.anchors) or _words(block.text) <= 4


def is_continue_reading(text: str) -> bool:
    """ "Continue reading →", "Read more…", "Continue reading <title>": short, and not a
    sentence ("Continue reading the report, she said." is story)."""
    stripped = text.rstrip()
    if _words(stripped) > 14 or (stripped.endswith(".") and not stripped.endswith("...")):
        return False
    return _full(_CONTINUE, stripped)


def is_appeared_first(text: str) -> bool:
    return _words(text) <= 80 and _may_have_appeared_first(text) and _full(_APPEARED_FIRST, text)


def is_prompt(text: str) -> bool:
    return _words(text) <= 45 and _may_be_prompt(text) and _full(_PROMPT, text)


def is_advert(text: str) -> bool:
    return _words(text) <= 8 and _full(_ADVERT, text)


def is_credit(text: str) -> bool:
    """Image credits are short and rarely sentences ("Photos by the hundreds were posted
    online." is story)."""
    words = _words(text)
    if words > 30 or (words > 12 and text.rstrip().endswith(".")):
        return False
    return _may_be_credit(text) and _full(_CREDIT, text)


def _is_link_list_item(block: Block) -> bool:
    """A list item that is just a link (a related-story or TOC entry)."""
    if not block.anchors:
        return False
    covered = sum(end - start for start, end, _ in block.anchors)
    return covered >= 0.8 * len(block.plain().strip())


def _is_teaser(block: Block) -> bool:
    """Short, link-dominated block: what a related-stories list is made of."""
    if block.kind in ("heading", "quote", "preformatted") or not block.anchors:
        return False
    return _words(block.text) <= 25 and _is_link_list_item(block)


# ----------------------------------------------------------------------------- pipeline


def strip_boilerplate(
    blocks: Sequence[Block],
    *,
    titles: Iterable[str | None] = (),
    captions: Iterable[str] = (),
    toc_entries: Iterable[str] = (),
    site_lines: frozenset[str] = frozenset(),
) -> list[Block]:
    """Drop boilerplate blocks.

    ``titles`` are the headline candidates (feed title, <title>, og:title, h1), ``captions``
    the page's image alt texts and figure captions, ``toc_entries`` the texts of links that
    point inside the page: body lines repeating any of them are layout, not story.
    ``site_lines`` are the feed's own boilerplate, learnt by ``learn_site_lines``.
    """
    title_keys = _title_variants(titles)
    title_keys.update(
        key for key in (normalise(c) for c in captions if _words(c) <= 25) if len(key) >= 12
    )
    toc_keys = {normalise(t) for t in toc_entries if _words(t) <= 15}
    toc_keys.discard("")
    kept = list(blocks)
    if site_lines:
        kept = [b for b in kept if b.kind == "preformatted" or site_key(b) not in site_lines]
    kept = _cut_trailing_sections(kept)
    kept = _drop_single_blocks(kept, title_keys)
    kept = _drop_trailing_furniture(kept)
    kept = _drop_toc(kept, toc_keys)
    kept = _drop_repeated_lines(kept)
    kept = _trim_tails(kept)
    return kept


def _drop_single_blocks(blocks: Sequence[Block], title_keys: set[str]) -> list[Block]:
    kept: list[Block] = []
    # a block longer than twice the longest headline key cannot normalise to it: skip the work
    longest_title = 2 * max(map(len, title_keys), default=-1) + 20
    for block in blocks:
        text = block.plain() if block.anchors else block.text
        if block.kind == "preformatted":
            kept.append(block)
            continue
        words = _words(text)
        if words > 80:
            kept.append(block)
            continue
        if words <= 40 and len(text) <= longest_title and normalise(text) in title_keys:
            continue
        if words > 45 and "appeared first" not in text:
            kept.append(block)  # story: too long for every rule but "appeared first on"
            continue
        if _dropped_for_its_text(text):
            continue
        # a rule's match counts only with a trigger word, asked last as rules rarely match
        if (
            words <= 30
            and block.kind != "heading"
            and is_read_more_line(block)
            and _triggered(text)
        ):
            continue
        kept.append(block)
    return kept


@lru_cache(maxsize=4096)
def _dropped_for_its_text(text: str) -> bool:
    """Whether the single-block rules that read only the text drop it (a text of at most 45
    words, or at most 80 with "appeared first" in it). Remembered: a feed repeats its
    template lines in every entry."""
    words = _words(text)
    if words <= 4 and _full(_TOC_TITLE, text):
        return True
    # a rule's match counts only with a trigger word, asked last as rules rarely match
    return _matches_a_text_rule(text, words) and _triggered(text)


def _matches_a_text_rule(text: str, words: int) -> bool:
    if words > 30:
        # too long for every rule but these three (each checks its own limit)
        shortcode = words <= 40 and "[" in text and _full(_SHORTCODE, text)
        return shortcode or is_prompt(text) or is_appeared_first(text)
    return (
        (words <= 25 and _may_be_copyright(text) and _full(_COPYRIGHT, text))
        or (words <= 40 and _full(_SHORTCODE, text))
        or is_share_row(text)
        or is_advert(text)
        or is_prompt(text)
        or is_appeared_first(text)
        or is_continue_reading(text)
        or is_credit(text)
    )


def _cut_trailing_sections(blocks: list[Block]) -> list[Block]:
    """Comment, related-posts and author-box sections: a heading (or a heading-like short line)
    followed by furniture. A comment heading in the last part of the article ends it; a related
    or author heading drops itself and the link-only / short blocks that follow it."""
    out: list[Block] = []
    n = len(blocks)
    i = 0
    while i < n:
        block = blocks[i]
        text = block.plain() if block.anchors else block.text
        if block.kind != "heading" and (len(text) >= _OVER_20_WORDS or _words(text) > 20):
            start = ""  # too long for a section heading or lead-in: story, the common case
        else:
            start = _section_start(block.kind, text)
        if start == "comments":
            # near the end it ends the article; before, when no more follows than is kept
            # (counted only then: most comment headings come last)
            if i >= n - 3 or _words_in(blocks[i + 1 :]) <= _words_in(out):
                break
            i += 1
            continue
        if start:
            j = i + 1
            while j < n and (
                _is_teaser(blocks[j])
                or (blocks[j].kind == "list_item" and _words(blocks[j].text) <= 20)
            ):
                j += 1
            if start == "author" and j < n and blocks[j].kind == "paragraph" and j >= n - 3:
                j = n  # an author box at the end: heading plus a short bio
            i = j
            continue
        out.append(block)
        i += 1
    return out


@lru_cache(maxsize=4096)
def _section_start(kind: str, text: str) -> str:
    """What section a block of this kind and text starts: "comments", "author" (an author
    box heading), "related" (any other related-posts heading or lead-in), or "" for none.
    Remembered: a feed repeats its section headings in every entry."""
    short_line = kind == "heading" or (_words(text) <= 10 and not _ends_sentence(text))
    if short_line and is_comment_heading(text):
        return "comments"
    related_lead = kind == "paragraph" and _words(text) <= 20 and _full(_RELATED_LEAD, text)
    if related_lead or (short_line and (is_related_heading(text) or _full(_AUTHOR_HEADING, text))):
        return "author" if _full(_AUTHOR_HEADING, text) else "related"
    return ""


def _words_in(blocks: Sequence[Block]) -> int:
    return sum(_words(block.text) for block in blocks)


def _drop_trailing_furniture(blocks: list[Block]) -> list[Block]:
    """Related-story links and "Follow her on Twitter" bios at the very end, with no heading."""
    out = list(blocks)
    while len(out) > 1 and (_is_teaser(out[-1]) or _is_follow_bio(out[-1].text)):
        out.pop()
    return out


def _is_follow_bio(text: str) -> bool:
    """A short block with "follow her on Twitter" somewhere in it. The word is looked for
    first: the regex would try every position of what is usually the story's last paragraph."""
    if _words(text) > 60:
        return False
    lower = _lowered(text)
    if lower is not None and "follow" not in lower:
        return False
    return _FOLLOW_ANYWHERE.search(text) is not None


def _drop_toc(blocks: list[Block], toc_keys: set[str]) -> list[Block]:
    """A run of two or more short lines that only repeat headings found later (a table of
    contents), or that link inside the page."""
    heading_set = {normalise(b.text) for b in blocks if b.kind == "heading"}
    if len(heading_set) < 2 and len(toc_keys) < 2:
        return blocks
    heading_set |= toc_keys
    out: list[Block] = []
    i = 0
    n = len(blocks)
    while i < n:
        j = i
        while (
            j < n
            and blocks[j].kind in ("list_item", "paragraph")
            and _words(blocks[j].text) <= 15
            and normalise(blocks[j].plain()) in heading_set
        ):
            j += 1
        if j - i >= 2:
            i = j
            continue
        out.append(blocks[i])
        i += 1
    return out


def _drop_repeated_lines(blocks: list[Block]) -> list[Block]:
    """A short non-sentence line that occurs more than once in the body is a caption or a
    related-story link repeated by the layout (the seed's "Honda And Nissan Are Planning
    Something Big For America"), never story text."""
    keys = [
        normalise(b.plain())
        for b in blocks
        if b.kind in ("paragraph", "heading")
        and len(b.text) < _OVER_20_WORDS
        and _words(b.text) <= 20
    ]
    if len(set(keys)) == len(keys):
        return blocks  # no line occurs twice (the common case: no counting)
    repeated = {key for key, count in Counter(keys).items() if count >= 2 and key}
    if not repeated:
        return blocks
    return [
        b
        for b in blocks
        if not (
            b.kind in ("paragraph", "heading")
            and normalise(b.plain()) in repeated
            and not _ends_sentence(b.plain())
        )
    ]


def _trim_tails(blocks: list[Block]) -> list[Block]:
    """ "The post X appeared first on Y" and "Continue reading" glued to the last paragraph."""
    if not blocks:
        return blocks
    last = blocks[-1]
    text = last.plain()
    lower = text.lower()
    for pattern, needles in _TAILS:
        # the regexes scan the whole paragraph; a phrase each must contain rules most out fast
        if not any(map(lower.__contains__, needles)):
            continue
        match = pattern.search(text)
        if match and match.start() > 0:
            text = text[: match.start()].rstrip()
            lower = text.lower()
            # the markers go with the cut: the kept text is the plain form
            blocks = [*blocks[:-1], Block(last.kind, text, last.level)]
            last = blocks[-1]
    return blocks


# ----------------------------------------------------------------------------- per-site learning

_SITE_LINE_MAX_WORDS = 80


def site_key(block: Block) -> str:
    """The form in which a block is compared across a feed's articles ("" for long blocks)."""
    text = block.plain()
    return normalise(text) if _words(text) <= _SITE_LINE_MAX_WORDS else ""


def learn_site_lines(
    articles: Iterable[Sequence[Block]], *, min_articles: int = 4, min_share: float = 0.5
) -> frozenset[str]:
    """Blocks that repeat across the articles of one feed are that feed's boilerplate ("About
    Ascom ...", "Have a tip? Email ...", a fixed sign-off), whatever their wording.

    Give the blocks of a feed's recent articles (cleaned without ``site_lines``); a block is
    learnt when it occurs in at least ``min_articles`` articles and in at least ``min_share``
    of them. The result is what ``clean_page``/``clean_fragment`` take as ``site_lines``.
    """
    # A site's template repeats its lines verbatim (give or take case), so lines are grouped by
    # their casefolded text first and only the few that repeat enough are normalised: this runs
    # on every entry of every fetched feed.
    per_article: list[set[str]] = []
    plain: dict[str, str] = {}
    for blocks in articles:
        seen: set[str] = set()
        for block in blocks:
            text = block.plain()
            if _words(text) <= _SITE_LINE_MAX_WORDS:
                folded = text.casefold()
                seen.add(folded)
                plain.setdefault(folded, text)
        per_article.append(seen)
    total = len(per_article)
    if total < min_articles:
        return frozenset()
    counts = Counter(chain.from_iterable(per_article))  # counted at once: updates cost each
    need = max(min_articles, int(total * min_share + 0.999))
    repeated = (normalise(plain[folded]) for folded, n in counts.items() if n >= need)
    return frozenset(key for key in repeated if key)
