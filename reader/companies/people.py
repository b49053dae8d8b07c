"""People's names among the names that phrases propose as companies: a list of names ("Netflix,
Hulu and Eric Pope"), an owner ("acquired by Jeff Bezos") or a description reads a person's name
like a company's, and the commonest given names tell them apart."""

from __future__ import annotations

from reader.companies.evidence import LEGAL_FORMS, NAME_WORDS

_GIVEN_NAMES = (
    "Aaron Abigail Adam Adrian Aidan Alan Albert Alex Alexa Alexander Alexandra Alexis Alice "
    "Alicia Alison Allison Amanda Amber Amy Andrea Andrew Andy Angela Angie Anita Ann Anna "
    "Anne Annie Anthony Antonio Ashley Barbara Barry Becky Ben Benjamin Bernard Beth Betty "
    "Beverly Bill Billy Bob Bobby Bonnie Brad Bradley Brandon Brenda Brent Brett Brian Bridget "
    "Brittany Bruce Bryan Caitlin Cameron Carl Carla Carlos Carol Caroline Carolyn Casey "
    "Catherine Cathy Charles Charlie Chelsea Cheryl Chris Christian Christina Christine "
    "Christopher Chuck Cindy Claire Clara Colin Connor Craig Curtis Cynthia Dale Dan Dana "
    "Daniel Danielle Danny Darren Dave David Deborah Debra Denise Dennis Derek Diana Diane "
    "Donald Donna Doug Douglas Drew Dylan Ed Eddie Edward Elaine Eleanor Elizabeth Ellen Emily "
    "Emma Eric Erica Erik Erin Ethan Eugene Evan Evelyn Fran Frances Francis Frank Fred "
    "Gabriel Gail Gary Gavin Gene George Gerald Gina Glenn Gloria Graham Greg Gregory Hannah "
    "Harold Harry Heather Helen Henry Holly Howard Ian Isaac Isabel Jack Jackie Jacob Jake "
    "James Jamie Jan Jane Janet Janice Jared Jason Jay Jean Jeff Jeffrey Jenna Jennifer Jenny "
    "Jeremy Jerry Jesse Jessica Jill Jim Jimmy Joan Joann Joanna Joe Joel John Johnny Jon "
    "Jonathan Jose Joseph Josh Joshua Joy Joyce Juan Judith Judy Julia Julian Julie Justin "
    "Karen Kate Katherine Kathleen Kathryn Kathy Katie Kayla Keith Kelly Ken Kenneth Kerry "
    "Kevin Kim Kimberly Kristen Kyle Larry Laura Lauren Lawrence Leah Lee Leo Leonard Leslie "
    "Lily Linda Lindsay Lisa Liz Logan Lori Louis Louise Lucas Lucy Luis Luke Lynn Maggie Marc "
    "Marcus Margaret Maria Marie Marilyn Mark Martha Martin Mary Matt Matthew Max Megan "
    "Melanie Melissa Michael Michelle Mike Mitchell Molly Monica Nancy Natalie Nathan Neil "
    "Nicholas Nick Nicole Noah Norman Oliver Olivia Pamela Pat Patricia Patrick Paul Paula "
    "Peggy Peter Phil Philip Phillip Rachel Ralph Randy Ray Raymond Rebecca Reggie Richard "
    "Rick Rob Robert Robin Roger Ron Ronald Rose Roy Ruby Russell Ruth Ryan Sally Sam Samantha "
    "Samuel Sandra Sara Sarah Scott Sean Seth Shane Shannon Sharon Shawn Sheila Shirley Simon "
    "Sophia Sophie Stacy Stan Stephanie Stephen Steve Steven Stuart Susan Suzanne Tammy Tanya "
    "Ted Teresa Terry Theresa Thomas Tiffany Tim Timothy Tina Todd Tom Tommy Tony Tracy Travis "
    "Trevor Tyler Valerie Vanessa Victor Vincent Walter Wanda Warren Wayne Wendy Wesley "
    "William Zach Zachary Zoe"
)
_MORE_GIVEN_NAMES = """
Abby Adele Agnes Alfred Allen Alvin Amelia Andre Angelo Archie Arnold Arthur Audrey Ava
Barney Bart Benny Bernie Bert Bianca Blake Bradford Brendan Brooke Bruno Bryce Byron Candace
Carlton Carmen Cecil Cecilia Charlene Charlotte Chester Chloe Clarence Claude Clay Clayton
Cliff Clifford Clint Clyde Cody Cole Conor Constance Cora Corey Courtney Damian Damon Daphne
Darius Darryl Dean Debora Delia Derrick Desmond Dexter Dominic Don Dora Doris Dorothy Duncan
Dustin Dwight Earl Edgar Edith Edmund Edwin Eileen Elena Eli Elijah Elise Eliza Ella Ellie
Elliot Elliott Eloise Elsa Emil Emilio Enrique Ernest Esther Ethel Eva Everett Felix Fiona
Floyd Forrest Franklin Freddie Frederick Garrett Geoffrey Georgina Gerard Gilbert Giles Glen
Gordon Greta Gus Hank Harvey Hazel Hector Heidi Herman Hilary Hillary Homer Horace Hugh Ida
Ingrid Irene Irving Isabella Jacqueline Jade Jaime Jasmine Jeanne Jeremiah Jerome Joaquin
Jocelyn Johanna Josephine Jules Julius Karin Katrina Keisha Kendall Kenny Kirk Kristin Lana
Lance Leon Leroy Lester Lewis Lillian Lionel Lloyd Lois Lorenzo Loretta Lorraine Lucia
Luther Lydia Mabel Mackenzie Madeline Malcolm Mandy Manuel Marcia Margo Marian Marion Marjorie
Marlene Marvin Maureen Maurice Maxine Melvin Mia Miles Millie Milton Miranda Mitch Morris
Muriel Myra Naomi Nathaniel Neal Ned Nina Noel Nora Norma Olga Oscar Owen Patsy Pedro Penny
Percy Perry Pete Peyton Preston Priscilla Quentin Rachael Ramon Randall Raul Reginald Rene
Rhonda Ricky Rita Robyn Rod Rodney Rory Rosa Rosemary Roxanne Rudy Rufus Rupert Russ
Sabrina Sadie Salvador Sammy Sandy Saul Selena Sheldon Sherry Sidney Silvia Sonia Stacey
Stanley Stella Sue Sylvia Terrence Thelma Theo Theodore Toby Tracey Troy Tyrone Vera
Vernon Veronica Vince Viola Violet Wade Wallace Wendell Whitney Wilbur Willie Winston Yolanda
Yvonne Zack Elon Jensen Satya Sundar Sheryl Mukesh Gautam Ratan Masayoshi Akio Marissa Indra
Ginni Ursula Sergey Emmanuel Xavier Pierre Jacques Olivier Thierry Francois François Jorge
Javier Miguel Alejandro Fernando Ricardo Rafael Sergio Pablo Diego Eduardo Roberto Mario Marco
Luca Giovanni Giuseppe Francesco Alessandro Matteo Paolo Stefano Hans Klaus Wolfgang Jürgen
Dieter Helmut Matthias Stefan Markus Herbert Joachim Ralf Uwe Kurt Karl Fritz Olaf Lars Anders
Henrik Nils Jens Astrid Sven Magnus Mikael Johan Pekka Jukka Timo Vladimir Dmitry Sergei
Alexei Igor Oleg Yuri Viktor Ivan Boris Mikhail Andrei Nikolai Ahmed Mohammed Mohamed Muhammad
Mohammad Omar Hassan Khalid Abdullah Yusuf Ibrahim Fatima Aisha Rajesh Ravi Suresh Ramesh Anil
Sunil Vijay Sanjay Amit Rahul Arun Ashok Deepak Nandan Azim Anand Priya Anjali Kiran Sachin
Vikram Cyrus Hiroshi Takeshi Kenji Satoshi Kazuo Makoto Yuki
"""
"""Less common given names, and those of business people of many countries; none that is also
a company's, a brand's or a place's name (Chase, Hugo, Calvin, Reed, Ola, Jordan, Chad,
Leonardo, Roland, Trent)."""
GIVEN_NAMES = frozenset((*_GIVEN_NAMES.split(), *_MORE_GIVEN_NAMES.split()))

_COMPANY_WORDS = frozenset(
    (*NAME_WORDS, *(form.rstrip(".") for form in LEGAL_FORMS), *LEGAL_FORMS,
     "SA", "Company", "Companies", "Bank", "Associates", "Consulting", "Power", "Health", "Air",
     "Works", "Express", "Mobile", "Solutions", "Services", "Digital", "Global",
     "International", "Electric", "Pharma", "Sports", "Homes", "Realty", "Hotels", "Resorts",
     "Construction", "Security", "Press")
)  # fmt: skip
"""Words that end a company named after a person ("Peter Koros Design", "Alden Capital")."""


def a_persons_name(name: str) -> bool:
    """Two or three capitalised words, the first a common given name and none a word that
    companies named after people end with: "Eric Pope", "Justin McElroy", "Samantha Kalman";
    not "Alden Capital" nor "Ceres Robotics"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0] not in GIVEN_NAMES:
        return False
    return all(word[:1].isupper() and word not in _COMPANY_WORDS for word in words[1:])
