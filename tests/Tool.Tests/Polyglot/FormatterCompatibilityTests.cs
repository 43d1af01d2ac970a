using Book.Engine.Execution;
using static Book.Tests.Engine.EngineTests;

namespace Book.Tests.Polyglot;

/// <summary>
/// Cells call .NET Interactive's real formatting API (Microsoft.DotNet.Interactive.Formatting), with the book's
/// formatters registered in it and the book's plain defaults. The formatter is one per process, as in Polyglot, so
/// these tests run one after another and each restores the defaults it changed.
/// </summary>
[Collection(nameof(GlobalFormatter))]
public class FormatterCompatibilityTests
{
    static async Task<List<CellOutput>> Outputs(string code)
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), code);
        Assert.True(result.Succeeded, result.Error?.Value);
        return outputs;
    }

    static IReadOnlyDictionary<string, string> Result(List<CellOutput> outputs) => Assert.IsType<ResultOutput>(outputs[^1]).Data;

    [Fact]
    public async Task The_book_shows_values_as_before_numbers_in_six_digits_sequences_in_brackets_records_by_ToString()
    {
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "1.41421" }, Result(await Outputs("Math.Sqrt(2.0)")));
        var sequence = Result(await Outputs("new[] { 0.5, 1.0 / 3 }"));
        Assert.Equal("[0.5, 0.333333]", sequence["text/plain"]);
        Assert.Equal("<pre>[0.5, 0.333333]</pre>", sequence["text/html"]);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "Pair { A = 1, B = x }" },
            Result(await Outputs("record Pair(int A, string B);\nnew Pair(1, \"x\")")));
        Assert.Equal("null", Result(await Outputs("(string?)null"))["text/plain"]);
    }

    [Fact]
    public async Task SetPreferredMimeTypesFor_chooses_what_a_tensor_shows_as_the_TorchSharp_tutorials_do()
    {
        Assert.Contains("text/html", Result(await Outputs("TorchSharp.torch.ones(2)")).Keys);
        var tutorial = await Outputs("""
            using Microsoft.DotNet.Interactive.Formatting;
            using TorchSharp;
            Formatter.SetPreferredMimeTypesFor(typeof(torch.Tensor), "text/plain");
            Formatter.Register<torch.Tensor>((torch.Tensor x) => x.ToString(TorchSharp.TensorStringStyle.Default, fltFormat: "G7"));
            torch.ones(2, 3)
            """);
        var shown = Result(tutorial);
        Assert.Equal(["text/plain"], shown.Keys);
        Assert.StartsWith("[2x3], type = Float32, device = cpu", shown["text/plain"]);
        Book.Display.BookFormatters.ResetToDefaults();
    }

    [Fact]
    public async Task ListExpansionLimit_ToDisplayString_and_a_richer_registration_behave_as_in_Polyglot()
    {
        var outputs = await Outputs("""
            Formatter.ListExpansionLimit = 3;
            Console.WriteLine(Enumerable.Range(1, 10).ToDisplayString());
            Formatter.Register<DateOnly>(day => $"<time>{day:yyyy-MM-dd}</time>", "text/html");
            new DateOnly(2026, 4, 24)
            """);
        Assert.Equal(new StreamOutput("stdout", "[1, 2, 3, …]\n"), outputs[0]);
        Assert.Equal("<time>2026-04-24</time>", Result(outputs)["text/html"]);
        Book.Display.BookFormatters.ResetToDefaults();
    }

    [Fact]
    public async Task display_returns_DisplayedValue_and_Display_HTML_and_PocketView_show_as_notebooks_did()
    {
        var outputs = await Outputs("""
            using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;
            DisplayedValue shown = display("step 1");
            shown.Update("step 2");
            "by the extension".Display();
            display(HTML("<i>raw</i>"));
            div[style: "color: green"]("ok")
            """);
        var first = Assert.IsType<DisplayOutput>(outputs[0]);
        Assert.Equal(first.DisplayId, Assert.IsType<DisplayUpdate>(outputs[1]).DisplayId);
        Assert.Equal("step 2", ((DisplayUpdate)outputs[1]).Data["text/plain"]);
        Assert.Equal("by the extension", Assert.IsType<DisplayOutput>(outputs[2]).Data["text/plain"]);
        Assert.Equal("<i>raw</i>", Assert.IsType<DisplayOutput>(outputs[3]).Data["text/html"]);
        Assert.Equal("<div style=\"color: green\">ok</div>", Result(outputs)["text/html"]);
    }

    [Fact]
    public async Task ResetToDefault_in_a_cell_returns_to_the_books_formatters_and_keeps_later_registrations()
    {
        var outputs = await Outputs("""
            Formatter.ResetToDefault();
            Formatter.Register<TimeSpan>(span => $"{span.TotalSeconds} seconds");
            display(Math.PI);
            TimeSpan.FromSeconds(90)
            """);
        Assert.Equal("3.14159", Assert.IsType<DisplayOutput>(outputs[0]).Data["text/plain"]);
        Assert.Equal("90 seconds", Result(outputs)["text/plain"]);
        Book.Display.BookFormatters.ResetToDefaults();
    }

    [Fact]
    public async Task clear_output_clears_now_or_when_the_next_output_comes()
    {
        var outputs = await Outputs("Console.WriteLine(\"old\");\nclear_output();\nclear_output(wait: true);\nConsole.WriteLine(\"new\");");
        Assert.Equal([new StreamOutput("stdout", "old\n"), new ClearOutput(false), new ClearOutput(true), new StreamOutput("stdout", "new\n")], outputs);
        var stored = new Book.Engine.Outputs.CellOutputs(executionCount: 1);
        foreach (var output in outputs) stored.Add(output);
        Assert.Equal("new\n", (string?)Assert.Single(stored.ToJson())!["text"]![0]);
    }
}

/// <summary>
/// Tests that change the process's one formatter, or its current directory, run one at a time — among them every
/// test that runs a notebook with <see cref="Book.Engine.Chapters.ChapterRunner"/>, which does both.
/// </summary>
[CollectionDefinition(nameof(GlobalFormatter), DisableParallelization = true)]
public sealed class GlobalFormatter;
