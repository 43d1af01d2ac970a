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
