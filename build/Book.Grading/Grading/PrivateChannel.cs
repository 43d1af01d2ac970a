using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Book.Grading.Grading;

/// <summary>
/// Moves a standard descriptor of the grade runner to a new descriptor and points the standard one at
/// <c>/dev/null</c>, so that the cells (which see <see cref="Console.In"/> and <c>Console.OpenStandardOutput()</c>)
/// no longer reach the grader's channel through them. Linux only, as the sandbox is.
/// </summary>
static class PrivateChannel
{
    [DllImport("libc", SetLastError = true)]
    static extern int dup(int descriptor);

    [DllImport("libc", SetLastError = true)]
    static extern int dup2(int from, int to);

    /// <summary>A stream over a copy of <paramref name="descriptor"/>, which itself now refers to /dev/null.</summary>
    public static FileStream Take(int descriptor, FileAccess access)
    {
        int copy = dup(descriptor);
        if (copy < 0) throw new IOException($"dup({descriptor}) failed: errno {Marshal.GetLastPInvokeError()}");
        using (var devNull = File.Open("/dev/null", FileMode.Open, descriptor == 0 ? FileAccess.Read : FileAccess.Write))
            if (dup2((int)devNull.SafeFileHandle.DangerousGetHandle(), descriptor) < 0)
                throw new IOException($"dup2(/dev/null, {descriptor}) failed: errno {Marshal.GetLastPInvokeError()}");
        return new FileStream(new SafeFileHandle(copy, ownsHandle: true), access, bufferSize: 1);
    }
}
