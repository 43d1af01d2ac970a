using Book.Engine.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Book.Tests.Engine.EngineTests;

namespace Book.Tests.Polyglot;

/// <summary>
/// #r "nuget: …" for the packages the book has, and #r "library.dll", in the engine. Restoring packages the book
/// does not have is tested end to end, with a local feed, in <see cref="PolyglotNotebookRunTests"/>.
/// </summary>
public class PackageDirectiveTests
{
    [Fact]
    public async Task A_package_the_book_has_is_accepted_and_the_cell_says_which_version_is_in_use()
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(),
            "#r \"nuget: TorchSharp-cpu\"\n#r \"nuget: TorchSharp-cuda-windows\"\n#r \"nuget:Microsoft.Data.Analysis,0.20.0\"\nTorchSharp.torch.ones(1).sum().item<float>()");
        Assert.True(result.Succeeded, result.Error?.Value);
        string installed = Assert.IsType<DisplayOutput>(outputs[0]).Data["text/plain"];
        Assert.Equal("""
            Installed packages:
              TorchSharp-cpu: 0.107.0, the book's own
              TorchSharp-cuda-windows: 0.107.0, the book's own as TorchSharp-cpu (the book's TorchSharp runs on the CPU; README: Using a GPU)
              Microsoft.Data.Analysis: 0.23.1, the book's own; the cell asked for (>= 0.20.0)
            """, installed);
        Assert.Equal("1", Assert.IsType<ResultOutput>(outputs[^1]).Data["text/plain"]);
    }

    [Theory]
    [InlineData("[0.105.0]", "TorchSharp-cpu (= 0.105.0)")]
    [InlineData("0.106.*", "TorchSharp-cpu 0.106.* (the latest matching version)")]
    [InlineData("(, 0.107.0)", "TorchSharp-cpu (< 0.107.0)")]
    public async Task A_version_the_book_cannot_load_is_refused_naming_both_versions_and_the_line(string version, string asked)
    {
        var (result, outputs) = await Run(new Book.Engine.Execution.Engine(), $"// the tutorial's version\n#r \"nuget: TorchSharp-cpu, {version}\"");
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("PackageVersionConflict", error.Name);
        Assert.True(error.Value.Contains($"asks for {asked}, but the book runs TorchSharp-cpu 0.107.0"), error.Value);
        Assert.Equal(2, result.Line);
    }

    [Fact]
    public async Task A_local_assembly_is_referenced_by_path_for_this_and_later_cells()
    {
        string folder = Directory.CreateTempSubdirectory("book-assembly-").FullName;
        try
        {
            string library = Path.Combine(folder, "Tiny.dll");
            var tree = CSharpSyntaxTree.ParseText("namespace Tiny; public static class Answer { public static int Value => 42; }");
            var emitted = CSharpCompilation.Create("Tiny", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(library);
            Assert.True(emitted.Success);
            var engine = new Book.Engine.Execution.Engine();
            var (first, _) = await Run(engine, $"#r \"{library}\"\nTiny.Answer.Value");
            var (later, outputs) = await Run(engine, "Tiny.Answer.Value + 1");
            Assert.True(first.Succeeded && later.Succeeded, first.Error?.Value + later.Error?.Value);
            Assert.Equal("43", Assert.IsType<ResultOutput>(Assert.Single(outputs)).Data["text/plain"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_assembly_or_source_folder_is_named_with_where_it_was_looked_for()
    {
        var (_, outputs) = await Run(new Book.Engine.Execution.Engine(), "#r \"no/such/Library.dll\"");
        var missing = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("AssemblyNotFound", missing.Name);
        Assert.Contains(Path.GetFullPath("no/such/Library.dll"), missing.Value);
        var (_, sourceOutputs) = await Run(new Book.Engine.Execution.Engine(), "#i \"nuget: no-such-feed\"");
        Assert.Contains("expected a NuGet feed URL (https://…) or an existing folder", Assert.IsType<ErrorOutput>(Assert.Single(sourceOutputs)).Value);
    }
}
