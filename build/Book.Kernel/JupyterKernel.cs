using System.Runtime.InteropServices;
using Book.Engine.Execution;
using Book.Kernel.Channels;
using Book.Kernel.Connection;
using Book.Kernel.Diagnostics;
using Book.Kernel.Handlers;
using Book.Kernel.History;
using Book.Kernel.Messages;
using NetMQ;

namespace Book.Kernel;

/// <summary>
/// The book's Jupyter kernel: one <see cref="Book.Engine.Execution.Engine"/> behind the messaging protocol
/// 5.3 over ZeroMQ. Shell and control are served by a thread each (so an interrupt or a shutdown arrives
/// while a cell runs), iopub by one sending thread, heartbeat by an echo thread. No stdin: cells never
/// ask for input. It ends on a shutdown_request, or by itself when the front end that started it is
/// gone (<see cref="ParentWatch"/>).
/// </summary>
public static class JupyterKernel
{
    /// <summary>Serves the connection until a shutdown_request or the front end's end; returns the exit code.</summary>
    /// <param name="log">Where the kernel reports what it drops or fails at (standard error).</param>
    public static int Run(ConnectionInfo connection, TextWriter log)
    {
        var kernelLog = new KernelLog(log);
        var signer = new MessageSigner(connection.Key);
        var signatures = new SignatureHistory();
        using var stop = new CancellationTokenSource();
        var running = new RunningCell();
        // Cells cannot ask for input (no stdin channel): Console.ReadLine() returns null rather than waiting forever.
        Console.SetIn(TextReader.Null);
        var engine = new Book.Engine.Execution.Engine();
        // Start the compiler now, before answering anyone: the first cell then runs as fast as the others.
        engine.ExecuteAsync("", _ => { }, "warm-up").GetAwaiter().GetResult();
        var kernelInfo = new KernelInfoHandler();
        ExecuteRequestHandler? execute = null;
        var history = new KernelHistory();
        var shutdown = new ShutdownRequestHandler(stop, running);
        bool stopped;
        using (var iopub = new IoPubPublisher(connection.Endpoint(connection.IoPubPort), signer, kernelLog))
        using (var heartbeat = new Heartbeat(connection.Endpoint(connection.HeartbeatPort)))
        using (var shell = new RequestChannel("shell", connection.Endpoint(connection.ShellPort), signer, signatures, iopub, kernelLog,
            [
                kernelInfo, execute = new ExecuteRequestHandler(engine, iopub, running, history), new CompleteRequestHandler(engine),
                new InspectRequestHandler(engine), new IsCompleteRequestHandler(), new CommInfoRequestHandler(), new HistoryRequestHandler(history), shutdown,
            ], stop.Token))
        using (var control = new RequestChannel("control", connection.Endpoint(connection.ControlPort), signer, signatures, iopub, kernelLog,
            [kernelInfo, shutdown, new InterruptRequestHandler(running)], stop.Token))
        // Ctrl+C in a terminal (or a front end using interrupt_mode "signal") interrupts the cell, not the kernel.
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; running.Interrupt(); }))
        using (ParentWatch.Start(why =>
               {
                   kernelLog.Write($"{why}: shutting down");
                   running.Interrupt();
                   stop.Cancel();
               }))
        {
            // A cell that calls Environment.Exit ends the process: show why under that cell and in the log first.
            CellExitGuard.Exiting += exit =>
            {
                execute.ReportExit(exit);
                kernelLog.Write($"{exit.Describe()}; the kernel ends");
                iopub.Dispose();
            };
            kernelLog.Write($"serving {connection.Endpoint(connection.ShellPort)} (shell), iopub {connection.IoPubPort}, control {connection.ControlPort}, heartbeat {connection.HeartbeatPort}");
            stop.Token.WaitHandle.WaitOne();
            stopped = control.Join(TimeSpan.FromSeconds(2)) & shell.Join(Book.Engine.Execution.Engine.StopGracePeriod + TimeSpan.FromSeconds(1));
        }
        kernelLog.Write(stopped ? "shut down" : "shut down while a cell was still running");
        // Wait for the last replies to leave (up to each socket's linger) unless a thread still holds its socket.
        NetMQConfig.Cleanup(block: stopped);
        return 0;
    }
}
