using System.Diagnostics;

namespace Book.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, started with a fresh profile and no network chatter, driven over the
/// DevTools protocol. Disposing it ends the browser (only the process this class started, and its children)
/// and deletes the profile.
/// </summary>
sealed class Chromium : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    readonly Process process;
    readonly string profile;

    Chromium(Process process, string profile, DevToolsConnection connection)
    {
        this.process = process;
        this.profile = profile;
        Connection = connection;
    }

    /// <summary>The browser-level DevTools connection.</summary>
    public DevToolsConnection Connection { get; }

    /// <summary>Starts the browser and connects to it.</summary>
    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"Expected Chromium at {Executable}: ./book test installs it (Debian package chromium).");
        string profile = Directory.CreateTempSubdirectory("book-site-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--hide-scrollbars", "--window-size=1280,1000", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", "about:blank",
                 })
            start.ArgumentList.Add(flag);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await EndpointAsync(profile, process);
            return new Chromium(process, profile, await DevToolsConnection.ConnectAsync(endpoint));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Opens a new tab and attaches to it.</summary>
    public Task<BrowserPage> OpenPageAsync() => BrowserPage.OpenAsync(Connection);

    /// <summary>Chromium writes its port and browser path to DevToolsActivePort in the profile once it listens.</summary>
    static async Task<Uri> EndpointAsync(string profile, Process process)
    {
        string file = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited) throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it listened for DevTools.");
            if (File.Exists(file) && File.ReadAllLines(file) is [var port, var path, ..])
                return new Uri($"ws://127.0.0.1:{port}{path}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"Chromium did not write {file} within 30 s.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try { Directory.Delete(profile, recursive: true); }
        catch (IOException) { } // a straggling helper may still hold a file for a moment; it is a temp folder
    }
}
