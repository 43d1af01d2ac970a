"""Executes a notebook through the book's kernel with nbclient, as JupyterLab or VS Code would.

Usage: run_notebook.py SOURCE.ipynb TARGET.ipynb. The kernel runs in the notebook's folder. Consecutive
text on the same stream is joined into one output, as nbconvert's coalesce_streams does (front ends
show them joined; a kernel may send one line in several messages).
"""
import os
import sys

import nbformat
from nbclient import NotebookClient


def coalesce_streams(notebook):
    for cell in notebook.cells:
        merged = []
        for output in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if last and output.output_type == "stream" == last.output_type and output.name == last.name:
                last.text += output.text
            else:
                merged.append(output)
        if cell.cell_type == "code":
            cell.outputs = merged


def main(source, target):
    notebook = nbformat.read(source, as_version=4)
    folder = os.path.dirname(os.path.abspath(source))
    client = NotebookClient(notebook, timeout=600, startup_timeout=120, kernel_name="book-csharp",
                            resources={"metadata": {"path": folder}})
    client.execute()
    coalesce_streams(notebook)
    nbformat.write(notebook, target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
