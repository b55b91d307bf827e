"""A job's current state (archiver.models.StateArticle) in the export and the item view: the run
each article's version comes from and, for an article found gone, since which run and why."""

from __future__ import annotations

from archiver.export.table import STATE_COLUMNS, rows_of
from archiver.models import StateArticle
from archiver.view.catalog import PhotoView, article_view
from archiver.view.render import Links, MissingPhoto, article_page


def _state_line(gone: dict[str, str] | None) -> StateArticle:
    return StateArticle.model_validate(
        {
            "url": "https://site.example/10-things/",
            "title": "10 Things",
            "complete": True,
            "pages": [],
            "run": "20261124T060000Z",
            **({"gone": gone} if gone else {}),
        }
    )


def _no_photo(photo: PhotoView) -> MissingPhoto:
    return MissingPhoto("not archived")


def _cells(article: StateArticle) -> dict[str, object]:
    (row,) = rows_of(article)
    return dict(zip((column.name for column in STATE_COLUMNS), row, strict=True))


def test_export_rows_name_the_run_and_why_an_article_is_gone() -> None:
    gone = _cells(_state_line({"since_run": "20261201T060000Z", "reason": "HTTP 410"}))
    assert (gone["run"], gone["gone_since_run"], gone["gone_reason"]) == (
        "20261124T060000Z",
        "20261201T060000Z",
        "HTTP 410",
    )
    present = _cells(_state_line(None))
    assert (present["run"], present["gone_since_run"], present["gone_reason"]) == (
        "20261124T060000Z",
        None,
        None,
    )


def test_the_item_view_says_an_article_is_gone_and_from_which_run() -> None:
    links = Links(index="index.html", article=lambda view: f"{view.slug}.html")
    gone = str(
        article_page(
            article_view(_state_line({"since_run": "20261201T060000Z", "reason": "HTTP 410"})),
            links,
            _no_photo,
        )
    )
    assert 'class="run">20261124T060000Z<' in gone
    assert 'class="gone">since run 20261201T060000Z: HTTP 410' in gone
    present = str(article_page(article_view(_state_line(None)), links, _no_photo))
    assert 'class="run">' in present and 'class="gone"' not in present
