using System.Net;
using System.Text;

namespace Book.Serving;

/// <summary>
/// A small HTTP client for the prediction service (chapter 12): sends JSON bodies and returns the status and the
/// text of the answer, so a chapter shows requests and responses as they travel. It never goes through a proxy —
/// the service is on this machine — and keeps up to <c>connections</c> connections open for a load test.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    readonly HttpClient http;

    /// <summary>A client for the service at <paramref name="address"/>.</summary>
    public ServiceClient(Uri address, int connections = 16, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (connections < 1) throw new ArgumentOutOfRangeException(nameof(connections), connections, "Expected at least one connection.");
        var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = connections, AllowAutoRedirect = false };
        http = new HttpClient(handler) { BaseAddress = address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>GET <paramref name="path"/>.</summary>
    public async Task<ServiceResponse> GetAsync(string path, CancellationToken cancellation = default)
    {
        using var response = await http.GetAsync(path, cancellation).ConfigureAwait(false);
        return await ServiceResponse.Read(response, cancellation).ConfigureAwait(false);
    }

    /// <summary>POST <paramref name="json"/> to <paramref name="path"/>.</summary>
    public async Task<ServiceResponse> PostAsync(string path, string json, CancellationToken cancellation = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content, cancellation).ConfigureAwait(false);
        return await ServiceResponse.Read(response, cancellation).ConfigureAwait(false);
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => http.Dispose();
}

/// <summary>An HTTP answer: status code and body text.</summary>
/// <param name="Status">E.g. 200 or 400.</param>
/// <param name="Body">The JSON the service sent.</param>
public sealed record ServiceResponse(int Status, string Body)
{
    /// <summary>True for 2xx.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    internal static async Task<ServiceResponse> Read(HttpResponseMessage response, CancellationToken cancellation) =>
        new((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));

    /// <summary>"400 BadRequest {"error": …}".</summary>
    public override string ToString() => $"{Status} {(HttpStatusCode)Status} {Body}";
}
