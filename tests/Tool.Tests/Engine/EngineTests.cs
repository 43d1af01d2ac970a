using Book.Engine.Execution;

namespace Book.Tests.Engine;

/// <summary>The Engine executes cells like a notebook kernel: state carried over, outputs in Jupyter's terms.</summary>
public class EngineTests
{
    /// <summary>Runs one cell; returns how it ended and its outputs.</summary>
    internal static async Task<(CellResult Result, List<CellOutput> Outputs)> Run(Book.Engine.Execution.Engine engine, string code)
    {
        var outputs = new List<CellOutput>();
        var result = await engine.ExecuteAsync(code, outputs.Add);
        return (result, outputs);
    }

    [Fact]
    public async Task Variables_of_earlier_cells_stay_visible_and_the_trailing_expression_is_the_result()
    {
        var engine = new Book.Engine.Execution.Engine();
        await Run(engine, "var answer = 6 * 7;");
        var (result, outputs) = await Run(engine, "answer / 2.0");
        Assert.True(result.Succeeded);
        var value = Assert.IsType<ResultOutput>(Assert.Single(outputs));
        Assert.Equal("21", value.Data["text/plain"]);
    }

    [Fact]
    public async Task Console_output_is_captured_per_stream()
    {
        var (_, outputs) = await Run(new Book.Engine.Execution.Engine(), "Console.Write(\"to stdout\"); Console.Error.Write(\"to stderr\");");
        Assert.Equal(new[] { new StreamOutput("stdout", "to stdout"), new StreamOutput("stderr", "to stderr") }, outputs);
    }

    [Fact]
    public async Task Display_returns_a_handle_whose_updates_name_the_same_display()
    {
        var (_, outputs) = await Run(new Book.Engine.Execution.Engine(), "var h = display(\"epoch 1\"); h.Update(\"epoch 2\");");
        var shown = Assert.IsType<DisplayOutput>(outputs[0]);
        var updated = Assert.IsType<DisplayUpdate>(outputs[1]);
        Assert.Equal(shown.DisplayId, updated.DisplayId);
        Assert.Equal("epoch 2", updated.Data["text/plain"]);
    }

    [Fact]
    public async Task A_compile_error_names_the_line_column_and_compiler_message()
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), "var fine = 1;\nvar broken = undefinedName + 1;");
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Line);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Contains("CS0103", error.Value);
        Assert.Contains("undefinedName", error.Value);
    }

    [Fact]
    public async Task A_runtime_error_names_the_line_and_keeps_earlier_state()
    {
        var engine = new Book.Engine.Execution.Engine();
        var (result, outputs) = await Run(engine, "var kept = 5;\n\nthrow new InvalidOperationException(\"boom\");");
        Assert.Equal(3, result.Line);
        Assert.Contains("boom", Assert.IsType<ErrorOutput>(Assert.Single(outputs)).Value);
        var (after, _) = await Run(engine, "kept");
        Assert.True(after.Succeeded);
    }

    [Fact]
    public async Task A_runaway_loop_is_stopped_by_the_timeout_and_the_engine_keeps_working()
    {
        // A cell's time limit counts its compilation too, and the compiler's first use in a process takes seconds on a
        // loaded machine: warm it in another engine, and leave the loop's engine a limit that a warm compile never reaches.
        await Run(new Book.Engine.Execution.Engine(), "0");
        var engine = new Book.Engine.Execution.Engine(TimeSpan.FromSeconds(5));

        var (result, outputs) = await Run(engine, "long spins = 0;\nwhile (true) spins++;");

        Assert.False(result.Succeeded);
        Assert.True(result.EngineUsable);
        Assert.Contains("ran longer than its 5 s timeout and was stopped", Assert.IsType<ErrorOutput>(Assert.Single(outputs)).Value);
        // The loop itself ran and was stopped (its counter moved), not its compilation; the engine runs the next cell.
        var (next, nextOutputs) = await Run(engine, "Math.Sign(spins)");
        Assert.True(next.Succeeded, next.Error?.Value);
        Assert.Equal("1", Assert.IsType<ResultOutput>(Assert.Single(nextOutputs)).Data["text/plain"]);
    }

    [Fact]
    public async Task Cancelling_is_an_interrupt_that_stops_a_loop()
    {
        var engine = new Book.Engine.Execution.Engine();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var outputs = new List<CellOutput>();
        var result = await engine.ExecuteAsync("for (int i = 0; ; i++) { }", outputs.Add, cancellation: interrupt.Token);
        Assert.Equal("KeyboardInterrupt", result.Error?.Name);
    }

    [Fact]
    public async Task Culture_is_invariant_inside_cells()
    {
        var (_, outputs) = await Run(new Book.Engine.Execution.Engine(), "(1.5).ToString()");
        Assert.Equal("1.5", Assert.IsType<ResultOutput>(Assert.Single(outputs)).Data["text/plain"]);
    }
}

/// <summary>Cells written for Polyglot Notebooks run unchanged.</summary>
public class PolyglotCompatibilityTests
{
    [Fact]
    public async Task Polyglot_magic_usings_Formatter_Register_and_ToDisplayString_work()
    {
        var engine = new Book.Engine.Execution.Engine();
        var outputs = new List<CellOutput>();
        const string cell = """
            #!csharp
            using Microsoft.DotNet.Interactive.Formatting;
            record Point(int X, int Y);
            Formatter.Register<Point>((point, writer) => writer.Write($"<b>{point.X},{point.Y}</b>"), "text/html");
            var handle = display(new Point(1, 2));
            handle.Update(new Point(3, 4));
            Console.WriteLine(new Point(5, 6).ToDisplayString("text/html"));
            """;
        var result = await engine.ExecuteAsync(cell, outputs.Add);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("<b>1,2</b>", Assert.IsType<DisplayOutput>(outputs[0]).Data["text/html"]);
        Assert.Equal("<b>3,4</b>", Assert.IsType<DisplayUpdate>(outputs[1]).Data["text/html"]);
        Assert.Equal(new StreamOutput("stdout", "<b>5,6</b>\n"), outputs[2]);
    }
}

/// <summary>Errors name what the learner wrote: the columns of their own code, the exception type and the line.</summary>
public class EngineErrorTests
{
    [Theory]
    [InlineData("for (int i = 0; i < 3; i++)\n{\n    var x = i + 1\n}", 3, 18)]                 // inside a loop body the engine instruments
    [InlineData("var n = 0;\nwhile (n < 3) { n++; var y = n * 2 }", 2, 36)]                     // a one-line loop body (Roslyn points at the "}")
    [InlineData("foreach (var c in \"ab\")\n    Console.WriteLine(c)", 2, 25)]                   // a body without braces
    [InlineData("int total = 0\nfor (int i = 0; i < 3; i++) { total += i; }", 1, 14)]          // outside any loop
    public async Task A_compile_error_names_the_learners_own_line_and_column(string code, int line, int column)
    {
        var outputs = new List<CellOutput>();
        var result = await new Book.Engine.Execution.Engine().ExecuteAsync(code, outputs.Add);

        Assert.Equal(line, result.Line);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains($"({line},{column}): error CS1002: ; expected", error.Value);
    }

    [Fact]
    public async Task A_runtime_error_names_the_exception_type_and_the_line_even_for_an_array_index()
    {
        var outputs = new List<CellOutput>();
        var result = await new Book.Engine.Execution.Engine().ExecuteAsync(
            "var numbers = new int[2];\nfor (int i = 0; i < 3; i++)\n    numbers[i] = i;", outputs.Add, "cell 4");

        Assert.Equal(3, result.Line);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", result.Reason);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("IndexOutOfRangeException", error.Name);
        Assert.Equal("cell 4, line 3: Index was outside the bounds of the array.", error.Value);
        Assert.Contains(error.Traceback, frame => frame.Contains("cell 4:line 3"));
    }
}
