using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Engine.Snapshots;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Book.Tests;

/// <summary>
/// Every chapter, executed now, must produce the outputs committed in its notebook (within each
/// cell's tolerance). A chapter that stops converging, or a changed printed number, fails here with
/// the cell, the output and both values.
/// </summary>
public class ChapterSnapshotTests
{
    public static TheoryData<string> Chapters()
    {
        var data = new TheoryData<string>();
        foreach (var file in BookPaths.Find(AppContext.BaseDirectory).AllChapters()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task Chapter_outputs_match_the_committed_ones(string chapter)
    {
        string path = Path.Combine(BookPaths.Find(AppContext.BaseDirectory).Chapters, chapter);
        var committed = Notebook.Load(path);
        var unexecuted = committed.CodeCells.FirstOrDefault(c => c.ExecutionCount is null);
        Assert.True(unexecuted is null, $"{chapter}, cell {unexecuted?.Number} was never executed: run `./book run {chapter}` and commit the result.");

        var fresh = await ChapterRunner.RunAsync(path);

        var difference = SnapshotComparer.FirstDifference(committed, fresh.Notebook);
        Assert.True(difference is null, $"{chapter} no longer produces its committed outputs.\n{difference}\n" +
            "If the change is intended, run `./book run` on the chapter and commit the notebook.");
    }
}
