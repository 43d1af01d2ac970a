using System.Text;

namespace Book.Engine.Execution;

/// <summary>
/// Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> to the execution that is running
/// in the current async flow (so two engines in one process, as in the tests, never mix output);
/// outside an execution, text goes to the real console.
/// </summary>
static class ConsoleCapture
{
    static readonly AsyncLocal<Action<string, string>?> receiver = new();
    static readonly object installGate = new();
    static bool installed;

    /// <summary>Sends console text of the current flow to <paramref name="onText"/>(streamName, text).</summary>
    public static void Route(Action<string, string>? onText)
    {
        lock (installGate)
        {
            if (!installed)
            {
                Console.SetOut(new RoutingWriter("stdout", Console.Out));
                Console.SetError(new RoutingWriter("stderr", Console.Error));
                installed = true;
            }
        }
        receiver.Value = onText;
    }

    sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var onText = receiver.Value;
            if (onText is null) fallback.Write(value);
            else onText(stream, value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush() => fallback.Flush();
    }
}
