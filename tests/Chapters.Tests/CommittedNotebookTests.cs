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
}
