import pytest

from kansrijk.referrals.validation import AgeRange, age_range, contains_bsn, passes_elfproef


@pytest.mark.parametrize("number", ["111222333", "123456782", "999999990"])
def test_valid_bsns_pass_the_elfproef(number):
    assert passes_elfproef(number)


@pytest.mark.parametrize("number", ["123456789", "111222334", "000000000", "12345678", "abcdefghi"])
def test_other_numbers_fail_the_elfproef(number):
    assert not passes_elfproef(number)


@pytest.mark.parametrize(
    "text",
    ["BSN 123456782", "bsn: 123.456.782", "nummer 1234 56 782 van moeder", "111 222 333", "x123456782y"],
)
def test_a_bsn_is_found_also_with_dots_and_spaces(text):
    assert contains_bsn(text)


@pytest.mark.parametrize(
    "text",
    ["telefoon 0612345678", "123456789", "kosten 225 euro in 2025", "IBAN NL91ABNA0417164300", "1234567820", ""],
)
def test_numbers_that_are_not_a_bsn_are_accepted(text):
    assert not contains_bsn(text)


def test_with_only_a_birth_year_the_age_is_one_of_two():
    assert age_range(birth_year=2009, age=None, this_year=2025) == AgeRange(15, 16)


def test_an_age_told_earlier_grows_with_the_years():
    assert age_range(birth_year=2010, age=15, this_year=2025, given_year=2025) == AgeRange(15, 15)
    assert age_range(birth_year=2010, age=15, this_year=2026, given_year=2025) == AgeRange(15, 16)
