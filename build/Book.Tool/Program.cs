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
    book doctor                check this machine: .NET, TorchSharp natives, libstdc++, site tools
    """ + "\n" + Book.Bench.BenchCommand.Usage;

try
{
    var rest = args.Skip(1).ToList();
    return args.FirstOrDefault() switch
    {
        "run" => await RunCommand.RunAsync(BookPaths.Find(), rest),
        "build" => await BuildAsync(BookPaths.Find(), rest),
        "site" => SiteCommand.Run(BookPaths.Find()),
        "kernel" => KernelCommand.Run(rest),
        "export" => ExportCommand.Run(BookPaths.Find(), rest),
        "doctor" => DoctorCommand.Run(),
        "bench" => await Book.Bench.BenchCommand.RunAsync(BookPaths.Find(), rest),
        null or "help" or "--help" or "-h" => Help(),
        var unknown => throw new BookException($"Unknown command '{unknown}'.\n{Usage}"),
    };
}
catch (BookException e)
{
    Console.Error.WriteLine($"book: {e.Message}");
    return 1;
}

// `book build`: every chapter runs first; the site is rendered only when all of them succeeded.
static async Task<int> BuildAsync(BookPaths paths, IReadOnlyList<string> args)
{
    int ran = await RunCommand.RunAsync(paths, args);
    return ran != 0 ? ran : SiteCommand.Run(paths);
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}
