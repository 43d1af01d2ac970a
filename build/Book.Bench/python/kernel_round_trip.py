"""Times the book's Jupyter kernel as a front end sees it (used by `book bench`).

Starts the kernel "book-csharp" from the kernelspec that JUPYTER_PATH points to, waits for its
kernel_info reply, runs a few warm-up cells, then times CELLS trivial cells from execute_request to the
kernel's idle status. Prints JSON: {"start_s": ..., "round_trips_s": [...]}.
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel

cells = int(sys.argv[1])
began = time.perf_counter()
manager, client = start_new_kernel(kernel_name="book-csharp", startup_timeout=300)
start = time.perf_counter() - began
try:
    def run(code):
        reply = client.execute_interactive(code, timeout=120, output_hook=lambda message: None)
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"the cell {code!r} failed in the kernel: {reply['content']}")

    for i in range(5):
        run(f"var warm{i} = {i};")
    times = []
    for i in range(cells):
        began = time.perf_counter()
        run(f"var x{i} = {i} + 1;")
        times.append(time.perf_counter() - began)
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=True)
print(json.dumps({"start_s": start, "round_trips_s": times}))
