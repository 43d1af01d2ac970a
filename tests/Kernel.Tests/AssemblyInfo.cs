// The tests start kernels, Python and `dotnet run`: on a two-core machine, one at a time keeps the
// protocol's timeouts (15 s per message in jupyter_kernel_test) far away.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
