"""`archiver export` and the feed exports, read back as analyses read them.

Two real crawls over loopback (the demo site, and the bench's generated site by its sitemap)
are exported by the real command to CSV and Parquet; pandas and DuckDB load the tables with
the loaders the README prints (run from the README's own text), and the types must be the
same for both crawls although some columns are empty in every row of one of them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from itemadapter import ItemAdapter
from scrapy.exporters import JsonLinesItemExporter

from archiver.crawl.items import ArticleItem, article_of
from archiver.demo.server import serve_demo_site
from archiver.export.table import COLUMN_NAMES, COLUMNS
from archiver.models import Article
from bench.sitegen import site_files
from tests.crawl_command import BIN
from tests.fault_server import serve
from tests.generated_site import site_routes, sitemap_crawl_command

README = Path(__file__).parent.parent / "README.md"
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "boolean": "BOOLEAN"}
INTEGER_COLUMNS = [column.name for column in COLUMNS if column.type == "integer"]


def _run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), capture_output=True, text=True, timeout=600, check=False, cwd=cwd, env=env
    )


def _ok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = _run(*args, cwd=cwd)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _export(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return _run(str(BIN / "archiver"), "export", str(out), *extra)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two crawls whose data differ in which columns are empty: the demo site (no photo sizes
    on most items, credits with and without links) and the generated site (every photo sized)."""
    demo = tmp_path_factory.mktemp("demo") / "out"
    _ok(str(BIN / "archiver"), "demo", "--out", str(demo))
    generated = tmp_path_factory.mktemp("generated") / "out"
    files: dict[str, bytes] = {}
    with serve(site_routes(files, latency=0.0)) as base:
        files.update(site_files(5, base, page_kb=8))
        _ok(*sitemap_crawl_command(base, generated))
    return {"demo": demo, "generated": generated}


def _articles(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def _expected_rows(out: Path) -> list[tuple[str, int | None, str | None]]:
    """(article URL, item position, heading) of each row the table must hold, in order."""
    rows: list[tuple[str, int | None, str | None]] = []
    for article in _articles(out):
        rows += [(article["url"], item["position"], item["heading"]) for item in article["items"]]
        if not article["items"]:
            rows.append((article["url"], None, None))
    return rows


def _readme_loaders() -> dict[str, str]:
    """The README's loaders, by language and format: {"python csv": code, "sql parquet": ...}."""
    section = README.read_text(encoding="utf-8").split("## Exports\n", 1)[1].split("\n## ", 1)[0]
    loaders = {}
    for language, code in re.findall(r"```(python|sql)\n(.*?)```", section, flags=re.DOTALL):
        table = "parquet" if "items.parquet" in code else "csv"
        loaders[f"{language} {table}"] = code
    assert sorted(loaders) == ["python csv", "python parquet", "sql csv", "sql parquet"]
    return loaders


def _load_pandas(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    monkeypatch.chdir(folder)
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    items = namespace["items"]
    assert isinstance(items, pd.DataFrame)
    return items


def _load_duckdb(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> duckdb.DuckDBPyRelation:
    monkeypatch.chdir(folder)
    connection = duckdb.connect()
    statements = [s.strip() for s in re.sub(r"--[^\n]*", "", code).split(";") if s.strip()]
    for statement in statements[:-1]:
        connection.execute(statement)
    return connection.sql(statements[-1])


@pytest.fixture(scope="module")
def exported(crawls: dict[str, Path]) -> dict[str, Path]:
    for out in crawls.values():
        for fmt in ("csv", "parquet"):
            result = _export(out, "--format", fmt)
            assert result.returncode == 0, result.stderr
            assert f"to {out / f'items.{fmt}'}" in result.stderr
    return crawls


def _loaded(exported: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str, Any]]:
    """(crawl, loader, what the loader gave) for every crawl and README loader."""
    for crawl, out in exported.items():
        for loader, code in _readme_loaders().items():
            if loader.startswith("python"):
                yield crawl, loader, _load_pandas(code, out, monkeypatch)
            else:
                yield crawl, loader, _load_duckdb(code, out, monkeypatch)


def test_the_tables_hold_one_row_per_item_in_the_order_of_articles_jsonl(
    exported: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    for crawl, loader, table in _loaded(exported, monkeypatch):
        expected = _expected_rows(exported[crawl])
        assert len(expected) > 20, crawl  # real crawls with several articles
        if isinstance(table, pd.DataFrame):
            got = [
                (url, None if pd.isna(position) else int(position), None if pd.isna(heading) else heading)
                for url, position, heading in zip(
                    table["article_url"], table["item_position"], table["heading"], strict=True
                )
            ]
        else:
            got = table.select("article_url, item_position, heading").fetchall()
        assert got == expected, (crawl, loader)


def test_types_are_the_same_for_two_different_crawls_and_schema_version_stays_text(
    exported: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    types: dict[str, dict[str, list[str]]] = defaultdict(dict)
    all_null: dict[str, set[str]] = {}
    mixed: set[tuple[str, str]] = set()
    for crawl, loader, table in _loaded(exported, monkeypatch):
        if isinstance(table, pd.DataFrame):
            types[loader][crawl] = [str(dtype) for dtype in table.dtypes]
            assert list(table.columns) == list(COLUMN_NAMES)
            assert set(table["schema_version"]) == {"1.0"}
            if loader == "python parquet":
                all_null[crawl] = {name for name in table.columns if table[name].isna().all()}
            integers = {
                name: [None if value is pd.NA else value for value in table[name].tolist()]
                for name in INTEGER_COLUMNS
            }
        else:
            types[loader][crawl] = [str(kind) for kind in table.types]
            assert table.columns == list(COLUMN_NAMES)
            assert {row[0] for row in table.select("schema_version").fetchall()} == {"1.0"}
            rows = table.select(", ".join(INTEGER_COLUMNS)).fetchall()
            integers = {name: [row[i] for row in rows] for i, name in enumerate(INTEGER_COLUMNS)}
        # Integers with nulls stay integers (not floats such as 7.0), in columns with both.
        for name, values in integers.items():
            assert {type(value) for value in values} <= {int, type(None)}, (crawl, loader, name)
        mixed |= {
            (loader, name) for name, values in integers.items() if None in values and set(values) != {None}
        }
    # The demo crawl has photo widths with nulls: every loader read such a column.
    assert {loader for loader, _ in mixed} == set(types), mixed
    # The data differ: some column is null in every row of one crawl and not of the other...
    assert all_null["demo"] ^ all_null["generated"], all_null
    # ...and every loader gives each crawl the same, documented types.
    for loader, by_crawl in types.items():
        mapping = PANDAS_DTYPES if loader.startswith("python") else DUCKDB_TYPES
        assert by_crawl["demo"] == by_crawl["generated"] == [mapping[c.type] for c in COLUMNS], loader


def test_the_csv_and_parquet_tables_hold_the_same_data(
    exported: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaders = _readme_loaders()
    for out in exported.values():
        from_csv = _load_pandas(loaders["python csv"], out, monkeypatch)
        from_parquet = _load_pandas(loaders["python parquet"], out, monkeypatch)
        pd.testing.assert_frame_equal(from_csv, from_parquet)
        first = _articles(out)[0]
        row = from_parquet.iloc[0]
        assert json.loads(row["photos_json"]) == first["items"][0]["images"]
        assert json.loads(row["embeds_json"]) == first["items"][0]["embeds"]
        assert row["page_count"] == len(first["pages"])


def test_an_article_without_items_gets_one_row_with_empty_item_columns(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    article = _articles(crawls["demo"])[0]
    article["items"] = []
    (tmp_path / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    assert _export(tmp_path, "--format", "parquet").returncode == 0
    [row] = pq.read_table(tmp_path / "items.parquet").to_pylist()
    assert row["article_url"] == article["url"]
    assert row["title"] == article["title"]
    item_columns = COLUMN_NAMES[COLUMN_NAMES.index("item_position") : COLUMN_NAMES.index("schema_version")]
    assert {row[name] for name in item_columns} == {None}


def test_scrapy_feed_exports_give_the_articles_jsonl_records_and_the_export_table(tmp_path: Path) -> None:
    project = Path(__file__).parent.parent
    out = tmp_path / "out"
    feeds = {fmt: tmp_path / f"feed.{fmt}" for fmt in ("jsonl", "csv", "parquet")}
    with serve_demo_site() as base:
        seeds = f"{base}/25-pictures-north-korea/,{base}/slideshow-7-bridges/,{base}/10-hiking-trails-ranked/"
        _ok(
            str(BIN / "scrapy"),
            "crawl",
            "listicle",
            "-a",
            f"url={seeds}",
            "-a",
            f"out={out}",
            "-a",
            "depth=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "ARCHIVER_ALLOW_PRIVATE=True",
            "-s",
            "LOG_LEVEL=WARNING",
            *[argument for path in feeds.values() for argument in ("-O", str(path))],
            cwd=project,
        )
    # -O x.jsonl: each line is an articles.jsonl line (as JSON: the feed escapes nothing more).
    written = {article["url"]: article for article in _articles(out)}
    fed = [json.loads(line) for line in feeds["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(written) == 3
    assert len(fed) == len(written)
    assert {article["url"]: article for article in fed} == written
    # -O x.csv and -O x.parquet: the rows of archiver export (articles in the order they were
    # yielded there, in capture order in articles.jsonl; each article's rows in item order).
    assert _export(out, "-o", str(tmp_path / "export.csv")).returncode == 0
    assert _export(out, "--format", "parquet", "-o", str(tmp_path / "export.parquet")).returncode == 0
    with (
        feeds["csv"].open(newline="", encoding="utf-8") as a,
        (tmp_path / "export.csv").open(newline="", encoding="utf-8") as b,
    ):
        feed_rows, export_rows = list(csv.reader(a)), list(csv.reader(b))
    assert feed_rows[0] == export_rows[0] == list(COLUMN_NAMES)
    assert _by_article(feed_rows[1:], 0) == _by_article(export_rows[1:], 0)
    assert len(feed_rows) - 1 == len(_expected_rows(out))
    feed_meta = json.loads((tmp_path / "feed.csv-metadata.json").read_text())
    export_meta = json.loads((tmp_path / "export.csv-metadata.json").read_text())
    assert feed_meta.pop("url") == "feed.csv"
    assert export_meta.pop("url") == "export.csv"
    assert feed_meta == export_meta
    feed_table, export_table = pq.read_table(feeds["parquet"]), pq.read_table(tmp_path / "export.parquet")
    assert feed_table.schema == export_table.schema
    by_row = [list(row.values()) for row in feed_table.to_pylist()]
    assert _by_article(by_row, 0) == _by_article([list(r.values()) for r in export_table.to_pylist()], 0)


def test_an_article_item_is_its_record_to_itemadapter_and_scrapy_exporters(crawls: dict[str, Path]) -> None:
    line = (crawls["demo"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    article = Article.model_validate_json(line)
    item = ArticleItem(article)
    assert ItemAdapter(item).asdict() == json.loads(line)
    assert list(ItemAdapter(item).keys()) == list(json.loads(line))
    exported = io.BytesIO()
    exporter = JsonLinesItemExporter(exported, encoding="utf-8", ensure_ascii=False)
    exporter.export_item(item)
    assert json.loads(exported.getvalue()) == json.loads(line)
    # A pipeline that copies items into plain dicts: the table exporters still find the article.
    assert article_of(item) is article
    assert article_of(dict(item)) == article
    assert article_of({"something": "else"}) is None


def _by_article(rows: list[list[Any]], key: int) -> dict[Any, list[list[Any]]]:
    grouped: dict[Any, list[list[Any]]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return dict(grouped)


# -- bad input and output ----------------------------------------------------------------------


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_a_folder_without_articles_jsonl_exits_66_with_one_line(tmp_path: Path) -> None:
    result = _export(tmp_path / "nowhere")
    assert result.returncode == 66
    assert "no articles.jsonl in" in _one_line(result.stderr)
    assert not (tmp_path / "nowhere").exists()


def test_damaged_lines_are_left_out_named_and_exit_65_after_writing_the_rest(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    lines = (crawls["demo"] / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = [lines[0], '{"url": "not an article"}\n', lines[1], "\x00\x00garbage\n", *lines[2:]]
    (tmp_path / "articles.jsonl").write_text("".join(damaged), encoding="utf-8")
    result = _export(tmp_path)
    assert result.returncode == 65
    assert "Traceback" not in result.stderr
    [wrote, damage] = result.stderr.strip().splitlines()
    assert wrote.startswith(f"wrote {len(_expected_rows(crawls['demo']))} rows ({len(lines)} articles)")
    assert (
        "left out 2 damaged lines of articles.jsonl (lines 2, 4; line 2: complete: Field required)" in damage
    )
    with (tmp_path / "items.csv").open(newline="", encoding="utf-8") as table:
        urls = {row[0] for row in list(csv.reader(table))[1:]}
    assert urls == {json.loads(line)["url"] for line in lines}


def test_an_input_without_a_valid_line_writes_nothing_and_keeps_the_earlier_table(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    shutil.copy(crawls["demo"] / "articles.jsonl", tmp_path / "articles.jsonl")
    assert _export(tmp_path).returncode == 0
    before = {name: (tmp_path / name).read_bytes() for name in ("items.csv", "items.csv-metadata.json")}
    (tmp_path / "articles.jsonl").write_text('{"url": "not an article"}\nnot json at all\n', encoding="utf-8")
    for extra in ([], ["-o", "-"]):
        result = _export(tmp_path, *extra)
        assert result.returncode == 65, result.stderr
        line = _one_line(result.stderr)
        assert "is an article record; nothing written (left out 2 damaged lines" in line
        assert result.stdout == ""
    assert {name: (tmp_path / name).read_bytes() for name in before} == before


def test_export_help_says_the_format_default_once() -> None:
    result = subprocess.run(
        [str(BIN / "archiver"), "export", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.count("default: csv") == 1, result.stdout


def test_a_last_line_cut_short_is_left_out_with_a_note_and_exit_0(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    text = (crawls["demo"] / "articles.jsonl").read_text(encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(text + text.splitlines()[0][:500], encoding="utf-8")
    result = _export(tmp_path, "--format", "parquet")
    assert result.returncode == 0, result.stderr
    assert f"note: left out line {len(text.splitlines()) + 1} of articles.jsonl, cut short" in result.stderr
    assert pq.read_metadata(tmp_path / "items.parquet").num_rows == len(_expected_rows(crawls["demo"]))


def test_an_unwritable_output_exits_73_and_leaves_the_earlier_table_whole(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    shutil.copy(crawls["demo"] / "articles.jsonl", tmp_path / "articles.jsonl")
    assert _export(tmp_path).returncode == 0
    before = (tmp_path / "items.csv").read_bytes()
    (tmp_path / "a-file").write_text("not a folder")
    result = _export(tmp_path, "-o", str(tmp_path / "a-file" / "items.csv"))
    assert result.returncode == 73
    assert f"cannot write {tmp_path / 'a-file' / 'items.csv'}: " in _one_line(result.stderr)
    (tmp_path / "taken").mkdir()  # a folder where the table should go: the rename fails
    result = _export(tmp_path, "-o", str(tmp_path / "taken"))
    assert result.returncode == 73
    assert f"cannot write {tmp_path / 'taken'}: " in _one_line(result.stderr)  # not the temp file
    assert (tmp_path / "items.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a-file",
        "articles.jsonl",
        "items.csv",
        "items.csv-metadata.json",
        "taken",
    ]


def test_parquet_without_pyarrow_exits_64_naming_the_install(crawls: dict[str, Path], tmp_path: Path) -> None:
    # An environment without pyarrow: a package of that name that cannot be imported comes first.
    shadow = tmp_path / "shadow" / "pyarrow"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('pyarrow is not installed here')\n")
    env = {"PYTHONPATH": str(tmp_path / "shadow"), "PATH": "/usr/bin:/bin"}
    result = _run(
        str(BIN / "archiver"),
        "export",
        str(crawls["demo"]),
        "--format",
        "parquet",
        "-o",
        str(tmp_path / "items.parquet"),
        env=env,
    )
    assert result.returncode == 64
    assert "pip install 'listicle-archiver[parquet]'" in _one_line(result.stderr)
    assert not (tmp_path / "items.parquet").exists()
    # CSV needs no pyarrow.
    result = _run(
        str(BIN / "archiver"), "export", str(crawls["demo"]), "-o", str(tmp_path / "items.csv"), env=env
    )
    assert result.returncode == 0, result.stderr


def _peak_rss_mb_of_export(folder: Path, fmt: str) -> int:
    """Run the export command's code in a new interpreter; its peak resident memory, MB."""
    code = (
        "import resource, sys\n"
        "from archiver.cli import main\n"
        f"code = main(['export', {str(folder)!r}, '--format', {fmt!r}])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
        "sys.exit(code)\n"
    )
    result = _ok(str(BIN / "python"), "-c", code)
    return int(result.stdout.split()[-1])


def test_memory_stays_flat_however_many_articles(crawls: dict[str, Path], tmp_path: Path) -> None:
    lines = (crawls["demo"] / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    peaks: dict[str, list[int]] = defaultdict(list)
    # Both sizes fill several Parquet row groups; the larger input is three times the smaller.
    for articles in (1_200, 3_600):
        folder = tmp_path / str(articles)
        folder.mkdir()
        with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
            for index in range(articles):
                article = json.loads(lines[index % len(lines)])
                article["url"] += f"?copy={index}"
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        for fmt in ("csv", "parquet"):
            peaks[fmt].append(_peak_rss_mb_of_export(folder, fmt))
    for fmt, (smaller, larger) in peaks.items():
        # Holding the rows would add tens of MB (the larger input is ~35 MB more JSON).
        assert larger <= smaller + 12, (fmt, smaller, larger)
