using System.Globalization;
using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>
/// ./book, the command a new user types, in a checkout of its own (the script and build/setup copied into a
/// temporary folder) with test doubles on PATH for dotnet, dpkg-query, apt-get, sudo, id and npm: each double
/// writes what it was asked into a log, so the tests see what ./book did and in what order.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BookScriptTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("book-script-").FullName;
    readonly string log;
    readonly string fakes;

    public BookScriptTests()
    {
        string repository = BookPaths.Find(AppContext.BaseDirectory).Root;
        File.Copy(Path.Combine(repository, "book"), Path.Combine(root, "book"));
        Directory.CreateDirectory(Path.Combine(root, "build", "setup"));
        foreach (string file in Directory.GetFiles(Path.Combine(repository, "build", "setup")))
            File.Copy(file, Path.Combine(root, "build", "setup", Path.GetFileName(file)));
        Write("Book.sln", "");
        Write("build/Book.Tool/Book.Tool.csproj", "<Project />");
        Write("lib/Concept.cs", "class Concept { }");
        Write("site/package-lock.json", "{}");
        log = Path.Combine(root, "doubles.log");
        fakes = Directory.CreateDirectory(Path.Combine(root, "doubles")).FullName;
        Fake("dotnet", """
            case "$1" in
              build) sleep "${FAKE_BUILD_SECONDS:-0}"
                     mkdir -p "$FAKE_ROOT/build/Book.Tool/bin/Release/net10.0" && touch "$FAKE_ROOT/build/Book.Tool/bin/Release/net10.0/book.dll" ;;
              test)  echo "Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 1 s - Fake.Tests.dll (net10.0)" ;;
              *)     sleep "${FAKE_RUN_SECONDS:-0}" ;;
            esac
            """);
        Fake("dpkg-query", """for package in "${@:3}"; do [[ " $FAKE_INSTALLED " == *" $package "* ]] && echo "ii |$package"; done; true""");
        Fake("apt-get", """exit "${FAKE_APT_STATUS:-0}" """);
        Fake("sudo", """ "$@" """);
        Fake("id", """echo 1000""");
        Fake("npm", """mkdir -p node_modules && touch node_modules/.package-lock.json""");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    void Write(string relative, string content)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>A double: logs "start PID NAME ARGS" and "end PID NAME" around <paramref name="body"/>.</summary>
    void Fake(string name, string body)
    {
        string path = Path.Combine(fakes, name);
        File.WriteAllText(path, $"""
            #!/usr/bin/env bash
            echo "$(date +%s.%N) start $$ {name} $*" >>"$FAKE_LOG"
            trap 'echo "$(date +%s.%N) end $$ {name}" >>"$FAKE_LOG"' EXIT
            {body}
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    Dictionary<string, string?> Environment(Dictionary<string, string?>? more = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = $"{fakes}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_LOG"] = log, ["FAKE_ROOT"] = root, ["BOOK_SKIP_SETUP"] = "1",
            ["FAKE_INSTALLED"] = string.Join(' ', WantedPackages()),
        };
        foreach (var (key, value) in more ?? []) variables[key] = value;
        return variables;
    }

    IEnumerable<string> WantedPackages() =>
        File.ReadLines(Path.Combine(root, "build", "setup", "debian-packages.txt"))
            .Select(line => line.Split('#')[0].Trim()).Where(line => line.Length > 0);

    (int ExitCode, string Output) Book(Dictionary<string, string?>? environment, params string[] arguments) =>
        ProcessRunner.Run(Path.Combine(root, "book"), arguments, root, TimeSpan.FromMinutes(2), Environment(environment));

    string[] Logged() => File.Exists(log) ? File.ReadAllLines(log) : [];

    IEnumerable<string> Calls(string name) => Logged().Where(line => line.Split(' ')[1] == "start" && line.Split(' ')[3] == name);

    [Fact]
    public async Task Concurrent_commands_wait_for_each_other_and_the_tool_is_built_once()
    {
        var slow = new Dictionary<string, string?> { ["FAKE_BUILD_SECONDS"] = "2", ["FAKE_RUN_SECONDS"] = "1" };

        var commands = new[] { "01", "02", "03" }.Select(chapter => Task.Run(() => Book(slow, "run", chapter))).ToArray();
        await Task.WhenAll(commands);

        Assert.All(commands, command => Assert.True(command.Result.ExitCode == 0, command.Result.Output));
        Assert.Single(Calls("dotnet"), call => call.Contains(" dotnet build "));
        Assert.Equal(3, Calls("dotnet").Count(call => call.Contains("book.dll run")));
        Assert.Contains(commands, command => command.Result.Output.Contains("waiting for the other ./book command in this checkout"));
        // Every double's run, from start to end, lies outside every other: nothing overlapped.
        var spans = Logged().Select(line => line.Split(' ')).GroupBy(parts => parts[2])
            .Select(run => (Start: double.Parse(run.First()[0], CultureInfo.InvariantCulture), End: double.Parse(run.Last()[0], CultureInfo.InvariantCulture)))
            .OrderBy(span => span.Start).ToList();
        for (int i = 1; i < spans.Count; i++)
            Assert.True(spans[i].Start >= spans[i - 1].End, $"two commands overlapped:\n{string.Join('\n', Logged())}");
    }

    [Fact]
    public void The_tool_is_rebuilt_only_when_a_source_changed()
    {
        Assert.Equal(0, Book(null, "doctor").ExitCode);
        Assert.Equal(0, Book(null, "doctor").ExitCode);
        Assert.Single(Calls("dotnet"), call => call.Contains(" dotnet build "));

        File.SetLastWriteTimeUtc(Path.Combine(root, "lib", "Concept.cs"), DateTime.UtcNow.AddSeconds(1));
        var (exitCode, output) = Book(null, "doctor");

        Assert.Equal(0, exitCode);
        Assert.Contains("building the tool (its sources changed)", output);
        Assert.Equal(2, Calls("dotnet").Count(call => call.Contains(" dotnet build ")));
    }

    [Fact]
    public void Missing_Debian_and_npm_packages_are_installed_once_with_sudo()
    {
        var missing = WantedPackages().Where(p => p is "mkdocs" or "chromium").ToList();
        var setup = new Dictionary<string, string?>
        {
            ["BOOK_SKIP_SETUP"] = null, ["FAKE_INSTALLED"] = string.Join(' ', WantedPackages().Except(missing)),
        };

        var (exitCode, output) = Book(setup, "site");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"installing the Debian packages the book needs (debian-packages.txt): {string.Join(' ', missing)}", output);
        Assert.Contains(Calls("sudo"), call => call.EndsWith($"sudo apt-get install -y -qq --no-install-recommends {string.Join(' ', missing)}"));
        Assert.Single(Calls("npm"), call => call.EndsWith("npm ci --no-audit --no-fund --loglevel=error"));

        int before = Logged().Length;
        Assert.Equal(0, Book(setup, "site").ExitCode);
        var second = Logged()[before..];
        Assert.DoesNotContain(second, line => line.Contains(" dpkg-query ") || line.Contains(" apt-get ") || line.Contains(" npm "));
    }

    [Fact]
    public void A_failed_install_says_which_packages_and_stops()
    {
        var setup = new Dictionary<string, string?>
        {
            ["BOOK_SKIP_SETUP"] = null, ["FAKE_INSTALLED"] = "", ["FAKE_APT_STATUS"] = "100",
        };

        var (exitCode, output) = Book(setup, "build");

        Assert.Equal(1, exitCode);
        Assert.Contains($"book: could not install {string.Join(' ', WantedPackages())} (apt-get failed, above)", output);
        Assert.DoesNotContain(Calls("dotnet"), call => call.Contains("book.dll"));
    }

    [Fact]
    public void Test_builds_the_solution_then_runs_every_test_and_sums_them_up()
    {
        var (exitCode, output) = Book(null, "test", "--filter", "Chapter");

        Assert.True(exitCode == 0, output);
        var dotnet = Calls("dotnet").ToList();
        Assert.Equal(2, dotnet.Count);
        Assert.EndsWith($"dotnet build {root}/Book.sln -c Release -nologo -v quiet", dotnet[0]);
        Assert.EndsWith($"dotnet test {root}/Book.sln -c Release --no-build --filter Chapter", dotnet[1]);
        Assert.Contains("book test: 3 passed, 0 failed", output);
    }
}
