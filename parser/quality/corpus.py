"""Folders of inputs and a folder of their outputs to one ``DocumentFigures`` per input.

The outputs are found through the batch manifest (``manifest.jsonl``) by each input's sha256, so
a folder converted elsewhere, from another working directory, is read the same. Nothing is parsed
here: ``parse_folders`` runs ``undoc batch`` first when there are no outputs yet.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..batch.inputs import expand_inputs
from ..batch.manifest import MANIFEST, read_records
from ..batch.run import BatchSettings, BatchSummary, file_sha256, run_batch_settings
from ..diff.load import load_document
from ..errors import UndocError
from ..xmlsafe import parse_xml_file
from .figures import DocumentFigures, document_figures
from .printed import page_one_lines

READERS = {"pdf": (".pdf",), "docx": (".docx",), "text": (".txt", ".text", ".md", ".markdown")}
"""``--reader`` names and the input file suffixes each takes from the folders."""


@dataclass(frozen=True, slots=True)
class Task:
    """One input's work for a worker: its outputs to read, its PDF to look at."""

    name: str
    folder: str
    input: str
    json: str
    xml: str | None
    record: dict[str, Any]


def inputs_of(folders: Iterable[str], readers: Iterable[str] = tuple(READERS)) -> list[tuple[str, Path]]:
    """(folder, file) for every input undoc reads in ``folders`` whose format is one of ``readers``."""
    suffixes = tuple(s for reader in readers for s in READERS[reader])
    return [(folder, path) for folder in folders for path in expand_inputs([folder]) if path.suffix.lower() in suffixes]


def parse_folders(folders: Iterable[str], out_dir: Path, *, workers: int = 1, progress: bool = True) -> BatchSummary:
    """Convert every input of ``folders`` into ``out_dir`` with the batch engine (resumable, timeouts recorded)."""
    return run_batch_settings(BatchSettings(tuple(folders), out_dir, workers=workers, progress=progress))


def corpus_figures(inputs: list[tuple[str, Path]], out_dir: Path, *, schema: Path | None, workers: int = 1,
                   on_done: Callable[[DocumentFigures], None] | None = None) -> list[DocumentFigures]:  # fmt: skip
    """The figures of every input, from the outputs its manifest line names (in input order)."""
    by_sha: dict[str, dict[str, Any]] = {}
    for line in read_records(out_dir / MANIFEST):
        by_sha[str(line.get("sha256"))] = line
    results: dict[int, DocumentFigures] = {}
    tasks: list[tuple[int, Task]] = []
    for index, (folder, path) in enumerate(inputs):
        record = by_sha.get(file_sha256(path))
        outputs = [out_dir / str(name) for name in (record or {}).get("outputs") or ()]
        json_out = next((p for p in outputs if p.suffix == ".json"), None)
        if record is None or record.get("status") != "ok" or json_out is None:
            status = "missing" if record is None else str(record.get("status"))
            error = "no manifest line for these bytes" if record is None else str(record.get("code") or record.get("error") or "")
            results[index] = DocumentFigures(path.name, folder, status if status != "ok" else "missing", error=error)
            continue
        xml_out = next((str(p) for p in outputs if p.suffix == ".xml"), None)
        tasks.append((index, Task(path.name, folder, str(path), str(json_out), xml_out, record)))
    work = functools.partial(task_figures, schema=str(schema) if schema else None)
    if workers > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(workers) as pool:
            done = pool.map(work, [t for _, t in tasks], chunksize=4)
            for (index, _), figures in zip(tasks, done, strict=True):
                results[index] = figures
                if on_done:
                    on_done(figures)
    else:
        for index, task in tasks:
            results[index] = work(task)
            if on_done:
                on_done(results[index])
    return [results[i] for i in range(len(inputs))]


def task_figures(task: Task, schema: str | None) -> DocumentFigures:
    try:
        doc = load_document(task.json)
    except UndocError as error:
        return DocumentFigures(task.name, task.folder, "missing", error=error.reason)
    printed = page_one_lines(task.input) if task.input.lower().endswith(".pdf") else None
    xml_error = xml_problem(task.xml, schema) if task.xml and schema else None
    return document_figures(doc, name=task.name, folder=task.folder, record=task.record, printed=printed, xml_error=xml_error)


def xml_problem(path: str, schema_path: str) -> str:
    """``""`` when the XML file validates against the schema, else its first error in one line."""
    schema = _schema(schema_path)
    try:
        tree = parse_xml_file(path).getroottree()
    except (OSError, etree.XMLSyntaxError) as error:
        return f"not well-formed: {error}"
    try:
        schema.assertValid(tree)
    except etree.DocumentInvalid as error:
        return " ".join(str(error).split()) or "invalid"
    return ""


@functools.cache
def _schema(path: str) -> etree.XMLSchema:
    return etree.XMLSchema(parse_xml_file(path).getroottree())
