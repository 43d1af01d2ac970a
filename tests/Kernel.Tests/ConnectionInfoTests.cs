using System.Text.Json.Nodes;
using Book.Kernel.Connection;

namespace Book.Tests;

/// <summary>The kernel serves this machine only, and only with a key.</summary>
public class ConnectionInfoTests
{
    static JsonObject File(string ip = "127.0.0.1", string key = "secret") => new()
    {
        ["transport"] = "tcp", ["ip"] = ip, ["signature_scheme"] = "hmac-sha256", ["key"] = key,
        ["shell_port"] = 5001, ["iopub_port"] = 5002, ["stdin_port"] = 5003, ["control_port"] = 5004, ["hb_port"] = 5005,
    };

    [Theory]
    [InlineData("127.0.0.1", "tcp://127.0.0.1:5001")]
    [InlineData("::1", "tcp://[::1]:5001")]
    [InlineData("localhost", "tcp://127.0.0.1:5001")]
    public void LoopbackAddressesAreServed(string ip, string shell)
    {
        var connection = ConnectionInfo.FromJson(File(ip), "test.json");
        Assert.Equal(shell, connection.Endpoint(connection.ShellPort));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("example.org")]
    public void OtherAddressesAreRefused(string ip)
    {
        var error = Assert.Throws<ConnectionFileException>(() => ConnectionInfo.FromJson(File(ip), "test.json"));
        Assert.Contains($"expected a loopback 'ip' (127.0.0.1 or ::1), found '{ip}'", error.Message);
    }

    [Fact]
    public void AnEmptyKeyIsRefused() =>
        Assert.Contains("non-empty 'key'", Assert.Throws<ConnectionFileException>(() => ConnectionInfo.FromJson(File(key: ""), "test.json")).Message);

    [Fact]
    public void AnotherSignatureSchemeIsRefused()
    {
        var json = File();
        json["signature_scheme"] = "hmac-md5";
        Assert.Contains("expected signature_scheme 'hmac-sha256', found 'hmac-md5'",
            Assert.Throws<ConnectionFileException>(() => ConnectionInfo.FromJson(json, "test.json")).Message);
    }
}
