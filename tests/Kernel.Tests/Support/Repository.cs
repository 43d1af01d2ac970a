namespace Book.Tests.Support;

/// <summary>Paths in the book's repository and in this test project's output.</summary>
static class Repository
{
    /// <summary>The folder holding Book.sln, found upwards from the test assembly.</summary>
    public static readonly string Root = FindRoot();

    /// <summary>The book tool, copied into this project's output by its project reference.</summary>
    public static string BookDll => Path.Combine(AppContext.BaseDirectory, "book.dll");

    /// <summary>A file of this test project's sources, e.g. "Fixtures/kernel-fixture.ipynb".</summary>
    public static string TestFile(string relative) => Path.Combine(Root, "tests", "Kernel.Tests", relative);

    /// <summary>The kernel fixture notebook (outputs written by `book run`).</summary>
    public static string Fixture => TestFile(Path.Combine("Fixtures", "kernel-fixture.ipynb"));

    /// <summary>The notebooks the end-to-end tests run: the fixture, and the loss-functions chapter (the exemplar).</summary>
    public static TheoryData<string> Notebooks() =>
        new() { Fixture, Path.Combine(Root, "chapters", "03-loss-functions.ipynb") };

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Book.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Expected Book.sln in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
