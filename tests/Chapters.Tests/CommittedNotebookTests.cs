using System.Text.RegularExpressions;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>Checks of the committed chapter files that need no execution.</summary>
public class CommittedNotebookTests
{
    static BookPaths Paths => BookPaths.Find(AppContext.BaseDirectory);

    [Fact]
    public void Chapters_are_valid_nbformat_4_according_to_jupyters_own_validator()
    {
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), $"{python} (with python3-nbformat) is needed: `./book test` installs it (build/setup/debian-packages.txt).");
        var chapters = Paths.AllChapters();
        Assert.NotEmpty(chapters);
        const string validate = "import sys, nbformat\nfor path in sys.argv[1:]:\n    nbformat.validate(nbformat.read(path, as_version=4))\n    print('valid', path)";
        var (exitCode, output) = ProcessRunner.Run(python, ["-c", validate, .. chapters], Paths.Root, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Chapters_select_the_books_kernel_and_name_their_language()
    {
        foreach (var path in Paths.AllChapters())
        {
            var notebook = Notebook.Load(path);
            Assert.Equal(Notebook.KernelName, (string?)notebook.Metadata["kernelspec"]?["name"]);
            Assert.Equal("csharp", (string?)notebook.Metadata["language_info"]?["name"]);
        }
    }

    [Fact]
    public void Chapter_files_are_numbered_in_book_order_with_a_title()
    {
        foreach (var path in Paths.AllChapters())
        {
            string name = Path.GetFileName(path);
            Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", name);
            Assert.StartsWith(int.Parse(name[..2]) + ". ", Notebook.Load(path).Title);
        }
    }

    [Fact]
    public void Every_exercise_has_a_solution_cell_followed_by_a_check_cell()
    {
        foreach (var path in Paths.AllChapters())
        {
            var cells = Notebook.Load(path).Cells;
            var solutions = cells.Where(c => c.Metadata["nbgrader"]?["solution"]?.GetValue<bool>() == true).ToList();
            Assert.True(solutions.Count >= 3, $"{Path.GetFileName(path)} has {solutions.Count} exercises, expected at least 3.");
            foreach (var solution in solutions)
            {
                Assert.Contains("// BEGIN SOLUTION", solution.Source);
                var next = cells.ElementAtOrDefault(solution.Index + 1);
                Assert.True(next?.Metadata["nbgrader"]?["grade"]?.GetValue<bool>() == true,
                    $"{Path.GetFileName(path)}, cell {solution.Number}: expected a graded check cell after the solution cell.");
            }
        }
    }

    [Fact]
    public void Code_quoted_from_the_library_is_the_librarys_code()
    {
        int quoted = 0;
        foreach (var path in Paths.AllChapters())
            foreach (var cell in Notebook.Load(path).Cells.Where(c => c.Type == "markdown"))
            {
                var file = Regex.Match(cell.Source, @"`(lib/[\w/]+\.cs)`");
                if (!file.Success) continue;
                var library = File.ReadAllLines(Path.Combine(Paths.Root, file.Groups[1].Value)).Select(l => l.Trim()).ToHashSet();
                foreach (Match block in Regex.Matches(cell.Source, @"```csharp\n(.*?)```", RegexOptions.Singleline))
                    foreach (var line in block.Groups[1].Value.Split('\n').Select(l => Regex.Replace(l, @"\s*//.*$", "").Trim()))
                    {
                        if (line.Length <= 1) continue;
                        quoted++;
                        Assert.True(library.Contains(line), $"{Path.GetFileName(path)}, cell {cell.Number} quotes `{line}`, which {file.Groups[1].Value} does not contain.");
                    }
            }
        Assert.True(quoted > 0, "Expected at least one chapter to quote library code (chapter 6 quotes Value).");
    }
}
