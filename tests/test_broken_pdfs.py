"""Broken PDFs made here (truncated, bytes flipped, encrypted, no pages, a page bomb, deep nesting) end in
documented errors within bounded time and memory, run through a batch so that a hang fails instead of hanging."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pytest

from parser import errors
from parser.batch import BatchSettings, TaskResult, run_batch_settings

from .conftest import FIXTURES
from .pdfbuild import pdf_file

SOURCE = FIXTURES / "pdf" / "en" / "A_RES_48_246.en.pdf"
DOCUMENTED = {c.code: c.exit_code for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.UndocError)}
PER_FILE_SECONDS = 30.0
BOMB_PAGES = 5000
DEPTH = 100_000

pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason="no PDF fixture")


def pages_pdf(count: int, contents: bytes | None = None) -> bytes:
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%b >>" % (
        b" /Contents %d 0 R" % (count + 3) if contents else b""
    )
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%b] /Count %d >>" % (kids, count)]
    objects += [page] * count
    if contents is not None:
        objects.append(b"<< /Length %d >>\nstream\n%b\nendstream" % (len(contents), contents))
    return pdf_file(objects)


def deep_catalog(depth: int) -> bytes:
    pdf = pages_pdf(1)
    return pdf.replace(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Catalog /Pages 2 0 R /Deep %b%b >>" % (b"[" * depth, b"]" * depth)
    )


def encrypted(user_password: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(SOURCE)
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corpus() -> dict[str, bytes]:
    data = SOURCE.read_bytes()
    rnd = random.Random(20240601)
    files = {f"truncated_{i}.pdf": data[: rnd.randrange(16, len(data) - 200)] for i in range(6)}
    for i in range(6):
        flipped = bytearray(data)
        for _ in range(rnd.choice((1, 8, 64))):
            flipped[rnd.randrange(len(flipped))] = rnd.randrange(256)
        files[f"flipped_{i}.pdf"] = bytes(flipped)
    files["encrypted_password.pdf"] = encrypted("secret")
    files["encrypted_no_password.pdf"] = encrypted("")
    files["zero_pages.pdf"] = pages_pdf(0)
    files["page_bomb.pdf"] = pages_pdf(BOMB_PAGES)
    files["deep_catalog.pdf"] = deep_catalog(DEPTH)
    files["deep_content.pdf"] = pages_pdf(1, b"[" * DEPTH + b"]" * DEPTH)
    files["header_only.pdf"] = b"%PDF-1.7\n" + bytes(range(256)) * 4
    return files


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], TaskResult]]:
    folder = tmp_path_factory.mktemp("broken")
    for name, data in corpus().items():
        (folder / "in" / name).parent.mkdir(exist_ok=True)
        (folder / "in" / name).write_bytes(data)
    settings = BatchSettings((str(folder / "in"),), folder / "out", workers=2, timeout=PER_FILE_SECONDS, memory_mb=2048,
                             progress=False)  # fmt: skip
    summary = run_batch_settings(settings)
    return {Path(r.path).name: (r.as_dict(), r) for r in summary.results}


def test_every_broken_pdf_ends_in_ok_or_a_documented_error_in_bounded_time(outcome: dict[str, Any]) -> None:
    assert len(outcome) == len(corpus())
    for name, (record, _) in outcome.items():
        assert record["status"] in ("ok", "error"), (name, record["status"], record["error"])
        if record["status"] == "error":
            assert DOCUMENTED[record["code"]] == record["exit_code"], record
            assert name in record["error"] and "\n" not in record["error"]
        assert record["seconds"] < PER_FILE_SECONDS


def test_truncated_pdfs_are_corrupt_or_empty(outcome: dict[str, Any]) -> None:
    for name, (record, _) in outcome.items():
        if name.startswith("truncated_"):
            assert (record["status"], record["code"]) in {("error", "corrupt-pdf"), ("error", "empty")}, record


def test_flipped_bytes_never_crash(outcome: dict[str, Any]) -> None:
    flipped = [record for name, (record, _) in outcome.items() if name.startswith("flipped_")]
    assert len(flipped) == 6 and all(r["status"] in ("ok", "error") for r in flipped)


def test_an_encrypted_pdf_needs_its_password_and_one_without_a_user_password_reads(outcome: dict[str, Any]) -> None:
    locked = outcome["encrypted_password.pdf"][0]
    assert (locked["code"], locked["exit_code"]) == ("encrypted-pdf", 21)
    assert outcome["encrypted_no_password.pdf"][0]["status"] in ("ok", "error")
    if outcome["encrypted_no_password.pdf"][0]["status"] == "error":
        assert outcome["encrypted_no_password.pdf"][0]["code"] == "encrypted-pdf"


def test_a_pdf_without_pages_is_empty(outcome: dict[str, Any]) -> None:
    assert outcome["zero_pages.pdf"][0]["code"] == "empty"


def test_a_page_bomb_fails_fast_without_a_text_layer_and_in_bounded_memory(outcome: dict[str, Any]) -> None:
    record, result = outcome["page_bomb.pdf"]
    assert (record["code"], record["exit_code"]) == ("no-text-layer", 22)
    assert f"{BOMB_PAGES} pages" in record["error"]
    assert record["seconds"] < 15
    assert result.peak_rss_mb is None or result.peak_rss_mb < 1024


def test_deeply_nested_objects_neither_recurse_nor_hang(outcome: dict[str, Any]) -> None:
    for name in ("deep_catalog.pdf", "deep_content.pdf"):
        record = outcome[name][0]
        assert record["status"] == "error" and record["code"] in ("no-text-layer", "corrupt-pdf"), record


def test_a_pdf_header_over_garbage_is_corrupt(outcome: dict[str, Any]) -> None:
    assert outcome["header_only.pdf"][0]["code"] in ("corrupt-pdf", "empty")
