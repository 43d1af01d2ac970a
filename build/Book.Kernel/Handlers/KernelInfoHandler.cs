using System.Reflection;
using System.Text.Json.Nodes;
using Book.Engine.Notebooks;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>kernel_info_request (on shell and on control): who the kernel is and which language it runs.</summary>
public sealed class KernelInfoHandler : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "kernel_info_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        return HandlerReply.Ok(new JsonObject
        {
            ["protocol_version"] = MessageHeader.ProtocolVersion,
            ["implementation"] = Notebook.KernelName,
            ["implementation_version"] = typeof(KernelInfoHandler).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
            ["language_info"] = Notebook.LanguageInfo(),
            ["banner"] = $"{Notebook.KernelDisplayName}: C# scripting on .NET {Environment.Version} with the book's library, TorchSharp and display(...)",
            ["help_links"] = new JsonArray(),
            ["debugger"] = false,
        });
    }
}
