using Book.Engine.Polyglot;

namespace Book.Tests.Polyglot;

/// <summary>Polyglot directives are read from a cell, and blanked in place so positions stay the cell's own.</summary>
public class ParsedCellTests
{
    [Fact]
    public void The_forms_of_nuget_references_sources_assemblies_and_magic_commands_are_read()
    {
        var cell = ParsedCell.Parse("""
            #!csharp
            #r "nuget: TorchSharp-cpu"
            #r "nuget:Plotly.NET,6.0.0"
              #r "nuget: Some.Package, [1.0,2.0)" // pinned below 2
            #i "nuget: https://example.org/v3/index.json"
            #r "libs/Units.dll"
            #!time
            var x = 1;
            """);

        Assert.Equal<CellDirective>(
        [
            new MagicCommand(1, "csharp", ""), new PackageDirective(2, "TorchSharp-cpu", null), new PackageDirective(3, "Plotly.NET", "6.0.0"),
            new PackageDirective(4, "Some.Package", "[1.0,2.0)"), new SourceDirective(5, "https://example.org/v3/index.json"),
            new AssemblyDirective(6, "libs/Units.dll"), new MagicCommand(7, "time", ""),
        ], cell.Directives);
    }

    [Fact]
    public void Directive_lines_become_spaces_of_the_same_length_and_the_rest_is_untouched()
    {
        const string code = "#r \"nuget: A\"\r\nvar a = 1;\n#!time\n#if DEBUG\n#endif\nvar b = a;";
        var cell = ParsedCell.Parse(code);

        Assert.Equal(code.Length, cell.Code.Length);
        Assert.Equal(new string(' ', 13) + "\r\nvar a = 1;\n      \n#if DEBUG\n#endif\nvar b = a;", cell.Code);
        Assert.Equal(code.IndexOf("var b", StringComparison.Ordinal), cell.Code.IndexOf("var b", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#r \"nuget:\"", "expected #r \"nuget: PackageName\"")]
    [InlineData("#r \"nuget: two words\"", "expected #r \"nuget: PackageName\"")]
    [InlineData("#i \"https://example.org\"", "expected #i \"nuget: SOURCE\"")]
    [InlineData("#r \"\"", "found an empty path")]
    public void A_malformed_directive_is_kept_with_what_was_expected(string line, string problem)
    {
        var malformed = Assert.IsType<MalformedDirective>(Assert.Single(ParsedCell.Parse("var a = 1;\n" + line).Directives));
        Assert.Equal(2, malformed.Line);
        Assert.Contains(problem, malformed.Problem);
    }
}
