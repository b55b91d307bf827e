import pytest

from archiver.parse.counting import declared_count, split_number_prefix


@pytest.mark.parametrize(
    ("title", "count"),
    [
        ("25 Pictures Smuggled Out of North Korea That They Don't Want You to See", 25),
        ("Seven mobile trends to look for in 2017 - CNET", 7),
        ("Three ways to be the thermostat", 3),
        ("Twenty-five things nobody tells you", 25),
        ("Fünf HR-Trends 2023", 5),
        ("Die zwölf schönsten Seen", 12),
        ("Die fünfundzwanzig besten Filme", 25),
        ("90+ DIY Halloween Costumes", 90),
        ("Top 10 Women Who Talk Sports", 10),
        ("This Is Your Brain On Sad Movies; Plus 5 Films To Cry To", 5),
    ],
)
def test_declared_count_reads_digits_and_english_and_german_words(title: str, count: int) -> None:
    assert declared_count(title) == count


@pytest.mark.parametrize(
    "title",
    [
        "The best films of 2017",
        "From The Interview to Iggy Azalea, 2014's Worst Cultural Moments",
        "Peter Wittkamp (22.700 Follower)",
        "One of the best days",
        "iPhone 7",
        "The connected renter: How to make your apartment smarter",
    ],
)
def test_declared_count_ignores_years_decimals_and_trailing_model_numbers(title: str) -> None:
    assert declared_count(title) is None


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("1. Heading", 1, "Heading"),
        ("12) Heading", 12, "Heading"),
        ("#3 Heading", 3, "Heading"),
        ("No. 4 Heading", 4, "Heading"),
        ("Nr. 5: Laub liegen lassen", 5, "Laub liegen lassen"),
        ("6 – Heading", 6, "Heading"),
        ("3.Charlotte Jones Anderson", 3, "Charlotte Jones Anderson"),
    ],
)
def test_number_prefix_styles_are_split_from_the_heading(text: str, number: int, rest: str) -> None:
    assert split_number_prefix(text) == (number, rest)


@pytest.mark.parametrize("text", ["3.5 million people", "(2) footnote", "2017 was a year", "10 things"])
def test_decimals_footnotes_and_bare_numbers_are_not_item_numbers(text: str) -> None:
    assert split_number_prefix(text)[0] is None
