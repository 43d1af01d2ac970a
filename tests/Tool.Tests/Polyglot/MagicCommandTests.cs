using Book.Engine.Execution;
using static Book.Tests.Engine.EngineTests;

namespace Book.Tests.Polyglot;

/// <summary>Polyglot's magic commands in C# cells, and cells in other languages.</summary>
public class MagicCommandTests
{
    [Fact]
    public async Task Time_prints_the_wall_time_after_the_cell_and_the_result_stays_last()
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), "#!time\nvar n = 6 * 7;\nn");
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms\n$", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Equal("42", Assert.IsType<ResultOutput>(outputs[1]).Data["text/plain"]);
    }

    [Fact]
    public async Task About_and_lsmagic_say_what_runs_here_and_who_lists_the_variables()
    {
        var engine = new Book.Engine.Execution.Engine();
        await Run(engine, "var rate = 0.1;\nvar steps = 3;");
        var (_, outputs) = await Run(engine, "#!about\n#!lsmagic\n#!who\n#!whos");
        string[] texts = outputs.Cast<DisplayOutput>().Select(o => o.Data["text/plain"]).ToArray();
        Assert.Contains("C# engine of \"From Loss to Profit\"", texts[0]);
        Assert.Contains("#!time", texts[1]);
        Assert.Equal("Variables: rate, steps", texts[2]);
        Assert.Matches(@"rate\s+Double\s+0\.1", texts[3]);
        Assert.Contains("<td>steps</td>", outputs[3] is DisplayOutput whos ? whos.Data["text/html"] : "");
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "F#")]
    [InlineData("#!pwsh\nGet-ChildItem", "PowerShell")]
    [InlineData("#!javascript\nconsole.log(1)", "JavaScript")]
    [InlineData("#!markdown\n# Title", "Markdown")]
    public async Task A_cell_in_another_language_says_the_book_runs_CSharp_only(string cell, string language)
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), cell);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("UnsupportedLanguage", error.Name);
        Assert.Contains($"this cell is in {language}", error.Value);
        Assert.Contains("runs C# only", error.Value);
        Assert.Equal(1, result.Line);
    }

    [Fact]
    public async Task An_unknown_magic_command_names_the_line_and_the_ones_supported()
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), "var a = 1;\n#!set --name a --value 2");
        Assert.Equal(2, result.Line);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("UnsupportedMagicCommand", error.Name);
        Assert.Contains("#!set", error.Value);
        Assert.Contains("#!time, #!who", error.Value);
    }

    [Fact]
    public async Task Completion_and_inspection_see_the_code_that_runs_after_directive_lines()
    {
        var engine = new Book.Engine.Execution.Engine();
        await Run(engine, "#!csharp\nvar learningRate = 0.1;");
        const string cell = "#!time\n#r \"nuget: TorchSharp-cpu\"\nusing static Microsoft.DotNet.Interactive.Kernel;\nvar next = learningR";
        var completions = engine.Complete(cell, cell.Length);
        Assert.Contains(completions.Items, item => item.Name == "learningRate");
        Assert.Equal(cell.Length - "learningR".Length, completions.Start);
        string inspected = "#!time\nMath.Sqrt(2)";
        Assert.Contains("Sqrt", engine.Describe(inspected, inspected.IndexOf("Sqrt", StringComparison.Ordinal) + 1));
    }
}
