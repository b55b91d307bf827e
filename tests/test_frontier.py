"""The frontier a killed crawl leaves, worked out from what its WARCs hold (FrontierPlanner),
and the hop counts the crawl notes in its metadata records (journal)."""

from __future__ import annotations

from pathlib import Path

from archiver.crawl.frontier import FrontierPlanner
from archiver.crawl.journal import page_fields, read_page_hops
from archiver.warc import WarcWriter

ARCHIVED = {"/seed", "/a", "/b", "/c", "/old-home"}
REDIRECTS = {"/old-home": "/home"}
FAILED = {"/gone"}


def settle(url: str) -> tuple[str, bool]:
    """A small archive: a few pages, one redirect whose target was never fetched, one failure."""
    target = REDIRECTS.get(url, url)
    return target, target in ARCHIVED or target in FAILED


def planner(depth: int, hops: dict[str, int], seeds: tuple[str, ...] = ("/seed",)) -> FrontierPlanner:
    return FrontierPlanner(depth, hops, settle, seeds)


def test_recommendations_below_the_depth_are_fetched_at_one_hop_more() -> None:
    plan = planner(2, {"/seed": 0, "/a": 1, "/b": 2})
    plan.page_parsed("/seed", ["/a", "/x"])
    plan.page_parsed("/a", ["/y", "/x", "/seed"])
    plan.page_parsed("/b", ["/z"])  # at the depth: its recommendations are not followed
    assert plan.pages_to_fetch() == [("/x", 1), ("/y", 2)]
    assert plan.pages_parsed == 3


def test_links_archived_or_failed_are_done_and_redirects_lead_to_their_target() -> None:
    plan = planner(3, {"/seed": 0})
    plan.page_parsed("/seed", ["/a", "/gone", "/old-home", "/new"])
    assert plan.pages_to_fetch() == [("/home", 1), ("/new", 1)]


def test_a_seed_not_fetched_yet_comes_first_and_an_archived_redirect_leads_to_its_target() -> None:
    plan = planner(1, {"/seed": 0}, seeds=("/seed", "/old-home", "/other"))
    plan.page_parsed("/seed", ["/x", "/other"])
    assert plan.pages_to_fetch() == [("/home", 0), ("/other", 0), ("/x", 1)]


def test_a_page_parsed_twice_counts_once() -> None:
    plan = planner(1, {"/seed": 0})
    plan.page_parsed("/seed", ["/x"])
    plan.page_parsed("/seed", ["/x"])
    assert plan.pages_to_fetch() == [("/x", 1)] and plan.pages_parsed == 1


def test_a_page_archived_without_a_count_takes_it_from_the_page_that_recommended_it() -> None:
    """Killed after archiving /a's response, before parsing it: /a has no count of its own."""
    plan = planner(2, {"/seed": 0, "/b": 0})
    plan.page_parsed("/seed", ["/b"])
    plan.page_parsed("/b", ["/a"])  # /b, a sitemap page at 0, offers /a at 1
    plan.page_parsed("/a", ["/x"])
    assert plan.pages_to_fetch() == [("/x", 2)]
    assert plan.hops_of("/a") == 1


def test_a_later_page_without_a_count_shares_the_hops_of_its_article() -> None:
    plan = planner(2, {"/seed": 0, "/a": 2})
    plan.page_parsed("/seed", ["/a"])
    plan.page_parsed("/a", [])
    plan.page_parsed("/c", ["/x"])  # page 2 of /a: at the depth too, so /x is not followed
    plan.chain(["/a", "/c"])
    assert plan.pages_to_fetch() == []
    assert plan.hops_of("/c") == 2


def test_a_page_without_a_count_that_nothing_recommends_is_a_seed() -> None:
    plan = planner(1, {}, seeds=())
    plan.page_parsed("/a", ["/x"])  # a sitemap page, say: 0 hops, its recommendations at 1
    plan.page_parsed("/b", ["/y"])
    plan.page_parsed("/c", ["/b"])  # /c recommends /b: /b is at 1, at the depth
    assert plan.pages_to_fetch() == [("/x", 1)]
    assert (plan.hops_of("/a"), plan.hops_of("/b"), plan.hops_of("/c")) == (0, 1, 0)


def test_pages_without_counts_that_recommend_each_other_still_get_one() -> None:
    plan = planner(1, {}, seeds=())
    plan.page_parsed("/a", ["/b", "/x"])
    plan.page_parsed("/b", ["/a", "/y"])
    assert plan.pages_to_fetch() == [("/x", 1)]
    assert (plan.hops_of("/a"), plan.hops_of("/b")) == (0, 1)


def test_the_smallest_hop_count_offered_wins() -> None:
    plan = planner(3, {"/seed": 0, "/a": 2, "/b": 1})
    plan.page_parsed("/a", ["/x"])
    plan.page_parsed("/b", ["/x"])
    assert plan.pages_to_fetch() == [("/x", 2)]


def test_hop_counts_are_read_back_from_the_metadata_records(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, prefix="t")
    writer.write_metadata("https://a.example/", "<urn:uuid:1>", "2026-11-30T00:00:00Z", page_fields([], 0))
    fields = page_fields(["https://a.example/x/"], 2)
    writer.write_metadata("https://a.example/x/", "<urn:uuid:2>", "2026-11-30T00:00:00Z", fields)
    writer.write_fetch_error("https://a.example/y/", "DNSLookupError: no such host")
    writer.close()
    again = WarcWriter(tmp_path, prefix="t")  # a later run parses /x/ again, at fewer hops
    again.write_metadata("https://a.example/x/", "<urn:uuid:3>", "2026-11-30T00:00:01Z", page_fields([], 1))
    again.close()
    found = read_page_hops(sorted(tmp_path.glob("*.warc.gz")))
    assert found.hops == {"https://a.example/": 0, "https://a.example/x/": 1}
    assert found.damaged == []


def test_a_listed_page_is_a_seed_however_else_it_is_reached_and_is_left_to_the_backlog() -> None:
    # /a is listed (a sitemap entry) and archived without a count; /x, listed, not fetched yet.
    plan = FrontierPlanner(1, {"/seed": 0}, settle, ("/seed",), listed={"/a", "/x"})
    plan.page_parsed("/seed", ["/a", "/x", "/y"])
    plan.page_parsed("/a", ["/z"])  # at hops 0, not 1: its recommendations are followed
    assert plan.pages_to_fetch() == [("/y", 1), ("/z", 1)]
    assert plan.hops_of("/a") == 0


def test_the_pages_started_are_the_candidates_the_archive_answers_for_each_once() -> None:
    plan = planner(2, {"/seed": 0, "/a": 1, "/b": 2})
    plan.page_parsed("/seed", ["/a", "/gone", "/old-home", "/x"])  # /gone failed; /old-home -> /home
    plan.page_parsed("/a", ["/a", "/b", "/y"])
    plan.page_parsed("/b", ["/c"])  # at the depth: /c was fetched as something else, not started
    plan.pages_to_fetch()
    assert plan.pages_started() == 4  # /seed, /a, /gone, /b
