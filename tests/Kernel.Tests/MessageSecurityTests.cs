using System.Text;
using System.Text.Json.Nodes;
using Book.Kernel.Messages;
using Book.Tests.Support;
using NetMQ;

namespace Book.Tests;

/// <summary>
/// Messages that are malformed, unsigned or signed with another key are logged and dropped — never
/// executed — and the kernel goes on answering correctly signed requests.
/// </summary>
public class MessageSecurityTests
{
    [Fact]
    public void BadMessagesAreDroppedAndTheKernelKeepsServing()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();

        var bad = new List<NetMQMessage>
        {
            Frames("hello"u8.ToArray()),                                                       // no delimiter
            Frames("<IDS|MSG>"u8.ToArray(), "0123"u8.ToArray()),                                 // too few frames
            WireFormat.Encode(KernelClient.Execute("var leaked = 1;"), new MessageSigner("another key")),
            Unsigned(WireFormat.Encode(KernelClient.Execute("var leaked = 2;"), client.Signer)),
            SignedJson(client.Signer, "{\"msg_type\": \"execute_request\", \"msg_id\": \"x\"", "{}", "{}", "{\"code\": \"var leaked = 3;\"}"),
            SignedJson(client.Signer, "{\"msg_id\": \"no type\"}", "{}", "{}", "{\"code\": \"var leaked = 4;\"}"),
            SignedJson(client.Signer, "[1, 2]", "{}", "{}", "{}"),
        };
        foreach (var message in bad) client.Shell.SendMultipartMessage(message);

        var probe = KernelClient.Execute("leaked");
        var reply = client.Ask(client.Shell, probe);
        Assert.Equal("error", (string?)reply.Content["status"]);
        Assert.Contains("leaked", (string?)reply.Content["evalue"]);   // the name does not exist: nothing bad ran

        var answer = KernelClient.Execute("40 + 2");
        Assert.Equal("ok", (string?)client.Ask(client.Shell, answer).Content["status"]);
        var result = client.OutputsOf(answer).Single(m => m.Type == "execute_result");
        Assert.Equal("42", (string?)result.Content["data"]!["text/plain"]);

        kernel.WaitForLog("dropped a message", TimeSpan.FromSeconds(5), times: bad.Count);
        Assert.Contains("found an unsigned message", kernel.Log);
        Assert.Contains("found a different signature", kernel.Log);
    }

    [Fact]
    public void A_replayed_message_is_dropped_and_logged()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();
        client.Ask(client.Shell, KernelClient.Execute("var runs = 0;"));

        var increment = KernelClient.Execute("runs++;");
        client.Send(client.Shell, increment);
        client.Send(client.Shell, increment); // the same frames, the same signature: what an eavesdropper would resend
        Assert.Equal("ok", (string?)client.ReceiveReply(client.Shell, TimeSpan.FromSeconds(60)).Content["status"]);

        var count = KernelClient.Execute("runs");
        Assert.Equal("ok", (string?)client.Ask(client.Shell, count).Content["status"]);
        Assert.Equal("1", (string?)client.OutputsOf(count).Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]);
        kernel.WaitForLog("a replayed message", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_well_signed_request_with_a_numeric_msg_id_is_served_and_the_kernel_keeps_serving()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();

        var odd = KernelClient.Execute("Console.WriteLine(\"one\");\nConsole.WriteLine(\"two\");");
        odd.Header["msg_id"] = 12345;                              // the protocol says string; a client sent a number
        client.Send(client.Shell, odd);
        Assert.Equal("ok", (string?)client.ReceiveReply(client.Shell, TimeSpan.FromSeconds(60)).Content["status"]);

        var next = KernelClient.Execute("40 + 2");
        Assert.Equal("ok", (string?)client.Ask(client.Shell, next).Content["status"]);
        Assert.Equal("42", (string?)client.OutputsOf(next).Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]);
        Assert.False(kernel.HasExited, kernel.Log);
    }

    static NetMQMessage Frames(params byte[][] frames)
    {
        var message = new NetMQMessage();
        foreach (var frame in frames) message.Append(frame);
        return message;
    }

    static NetMQMessage Unsigned(NetMQMessage signed)
    {
        var frames = signed.Select(f => f.ToByteArray()).ToList();
        frames[frames.FindIndex(f => Encoding.ASCII.GetString(f) == "<IDS|MSG>") + 1] = [];
        return Frames([.. frames]);
    }

    /// <summary>Four JSON frames, correctly signed, whatever they contain.</summary>
    static NetMQMessage SignedJson(MessageSigner signer, params string[] json)
    {
        byte[][] parts = [.. json.Select(Encoding.UTF8.GetBytes)];
        return Frames([.. new[] { "<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signer.Sign(parts)) }.Concat(parts)]);
    }
}
