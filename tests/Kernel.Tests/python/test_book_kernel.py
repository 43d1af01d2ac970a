"""Jupyter's own kernel conformance suite (jupyter_kernel_test), run against the book's C# kernel.

The xunit test KernelConformanceTests installs the kernelspec into a temporary JUPYTER_PATH and runs
`/usr/bin/python3 -m unittest test_book_kernel` in this folder.
"""
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync


class BookKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "book-csharp"
    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("something went wrong");'
    code_generate_error = 'throw new InvalidOperationException("boom");'
    code_inspect_sample = "Math.Sqrt"

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
        {"text": "var bookAnswer = 42; bookAns", "matches": {"bookAnswer"}},
    ]

    complete_code_samples = ["var x = 1;", "Console.WriteLine(1)", "class C { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", 'var s = "abc', "class C {"]
    invalid_code_samples = ["int x = ;", ")"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.Sqrt(2.0)", "result": "1.41421"},
        {"code": "Console.ReadLine() is null", "result": "true"},  # no stdin: input never blocks
    ]
    # history_request, as `jupyter console` asks for it (its up-arrow history) and IPython answers it.
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*"

    code_clear_output = 'Console.WriteLine("before"); clear_output(); Console.WriteLine("after");'

    code_display_data = [
        {"code": "display(new[] { 1, 2, 3 });", "mime": "text/plain"},
        {"code": "display(new[] { new { Name = \"a\", Value = 1 } });", "mime": "text/html"},
    ]

    def test_update_display_data(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('var handle = display("before"); handle.Update("after");')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        shown, updated = outputs
        self.assertEqual(shown["content"]["transient"]["display_id"], updated["content"]["transient"]["display_id"])
        self.assertEqual(updated["content"]["data"]["text/plain"], "after")

    def test_execution_count_and_silent(self):
        self.flush_channels()
        first, _ = self.execute_helper("var counted = 1;")
        silent, outputs = self.execute_helper('Console.WriteLine("not shown")', silent=True)
        unstored, _ = self.execute_helper("counted + 1", store_history=False)
        second, _ = self.execute_helper("counted")
        count = first["content"]["execution_count"]
        self.assertEqual(outputs, [], "a silent execution publishes nothing but its status")
        self.assertEqual(silent["content"]["execution_count"], count)
        self.assertEqual(unstored["content"]["execution_count"], count)
        self.assertEqual(second["content"]["execution_count"], count + 1)

    def test_state_survives_an_error(self):
        self.flush_channels()
        self.execute_helper("var kept = 7;")
        failed, outputs = self.execute_helper("kept / 0", stop_on_error=False)
        self.assertEqual(failed["content"]["status"], "error")
        self.assertEqual(failed["content"]["ename"], "DivideByZeroException")
        reply, outputs = self.execute_helper("kept")
        self.assertEqual(outputs[0]["content"]["data"]["text/plain"], "7")

    def test_stop_on_error_aborts_queued_cells(self):
        self.flush_channels()
        failing = self.kc.execute('System.Threading.Thread.Sleep(500); throw new Exception("stop here");')
        queued = self.kc.execute('Console.WriteLine("never runs");')
        statuses = {}
        while len(statuses) < 2:
            reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
            statuses[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(statuses, {failing: "error", queued: "aborted"})
        self.flush_channels()

    def test_kernel_info_on_control(self):
        self.flush_channels()
        msg = self.kc.session.msg("kernel_info_request")
        self.kc.control_channel.send(msg)
        reply = run_sync(self.kc.control_channel.get_msg)(timeout=jupyter_kernel_test.TIMEOUT)
        jupyter_kernel_test.validate_message(reply, "kernel_info_reply", msg["header"]["msg_id"])
        self.assertEqual(reply["content"]["language_info"]["name"], "csharp")


    # VS Code takes its language id from name, jupyter console and nbconvert Pygments' lexer, JupyterLab
    # CodeMirror's mode for the mime type: each must name C#.
    def test_language_info_names_what_front_ends_highlight_with(self):
        from pygments.lexers import get_lexer_by_name, get_lexer_for_mimetype

        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        jupyter_kernel_test.validate_message(reply, "kernel_info_reply", msg_id)
        info = reply["content"]["language_info"]
        self.assertEqual(info["name"], "csharp")
        self.assertEqual(get_lexer_by_name(info["pygments_lexer"]).name, "C#")
        self.assertEqual(get_lexer_for_mimetype(info["mimetype"]).name, "C#")
        self.assertEqual(info["codemirror_mode"], "text/x-csharp")
        self.assertRegex(info["version"], r"^\d+\.\d+$")

    def test_history_keeps_inputs_and_results(self):
        self.flush_channels()
        self.execute_helper("var remembered = 40 + 2;")
        self.execute_helper("remembered")
        msg_id = self.kc.history(hist_access_type="tail", n=2, output=True, raw=True)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        jupyter_kernel_test.validate_message(reply, "history_reply", msg_id)
        entries = reply["content"]["history"]
        self.assertEqual([entry[2] for entry in entries], [["var remembered = 40 + 2;", None], ["remembered", "42"]])
        self.assertEqual(entries[1][1], entries[0][1] + 1)


if __name__ == "__main__":
    unittest.main()
