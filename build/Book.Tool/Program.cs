using System.Globalization;
using Book.Engine.Chapters;
using Book.Tool.Commands;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = System.Text.Encoding.UTF8;

const string Usage = """
    book — builds, runs and tests the book "From Loss to Profit".

    book build                 run every chapter, write outputs, render the website
    book site                  render the website from the chapters as they are (site/build/index.html)
    book run [chapters...]     execute chapters (all, or by number/slug/path); outputs written back
                               --timeout SECONDS   per-cell limit (default 600)
    book kernel install        install the Jupyter kernel "C# (Book)" for this user (VS Code, JupyterLab)
    book kernel -f FILE        serve a Jupyter front end (it starts this itself, from the kernelspec)
    book export [chapters...]  write chapters as .NET file-based apps: `dotnet run export/NN-slug.cs`
                               --out DIR   output folder inside the repository (default export/)
    book doctor                check this machine: .NET, TorchSharp natives, CPU kernels, site tools
    book assign [chapters...]  student versions of chapters (DIR/student/) and the autograder bundle (DIR/autograder/)
                               --out DIR   output folder (default assignment/)
    book grade ASSIGNMENT SUBMISSION...
                               grade notebooks (or folders of them), each in a sandbox; writes grades.csv,
                               ID/results.json (Gradescope) and ID/feedback.md under --out (default ASSIGNMENT/graded)
                               --jobs N (default: cores)  --cell-timeout S (60)  --timeout S (600 a submission)
                               --memory GB (8)  --no-sandbox (trusted notebooks only)
    """ + "\n" + Book.Bench.BenchCommand.Usage + "\n" + """
    book test                  (./book script) set up, build, and run every test: dotnet test Book.sln -c Release

    --verbose                  with any command: errors come with their stack trace
    """;

// --verbose, anywhere: errors come with their stack trace (otherwise one line each).
bool verbose = args.Contains("--verbose");
args = args.Where(arg => arg != "--verbose").ToArray();
try
{
    var rest = args.Skip(1).ToList();
    return args.FirstOrDefault() switch
    {
        "run" => await RunCommand.RunAsync(BookPaths.Find(), rest, verbose),
        "build" => await BuildAsync(BookPaths.Find(), rest, verbose),
        "site" => SiteCommand.Run(BookPaths.Find()),
        "kernel" => KernelCommand.Run(rest),
        "export" => ExportCommand.Run(BookPaths.Find(), rest),
        "doctor" => DoctorCommand.Run(),
        "test" => throw new BookException("`test` is a command of the ./book script at the repository root: run `./book test`."),
        "assign" => AssignCommand.Run(BookPaths.Find(AppContext.BaseDirectory), rest),
        "grade" => await GradeCommand.RunAsync(rest),
        // The sandboxed side of `book grade`; started by it, never by people.
        "grade-runner" => await Book.Grading.Grading.CellRunner.RunAsync(TimeSpan.FromSeconds(CommandLine.Positive(
            CommandLine.Parse(rest, ["--cell-timeout"], "grade-runner").Options, "--cell-timeout", 60))),
        "bench" => await Book.Bench.BenchCommand.RunAsync(BookPaths.Find(), rest),
        null or "help" or "--help" or "-h" => Help(),
        var unknown => throw new BookException($"Unknown command '{unknown}'.\n{Usage}"),
    };
}
catch (Exception e)
{
    var cause = e is TypeInitializationException or System.Reflection.TargetInvocationException && e.InnerException is { } inner ? inner : e;
    Console.Error.WriteLine(cause is BookException ? $"book: {cause.Message}"
        : $"book: {cause.GetType().Name}: {cause.Message}{(verbose ? "" : " (--verbose shows where)")}");
    if (verbose) Console.Error.WriteLine(e);
    return 1;
}

// `book build`: every chapter runs first; the site is rendered only when all of them succeeded.
static async Task<int> BuildAsync(BookPaths paths, IReadOnlyList<string> args, bool verbose)
{
    int ran = await RunCommand.RunAsync(paths, args, verbose);
    return ran != 0 ? ran : SiteCommand.Run(paths);
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}
