using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Shared JSON settings: responses are written like AWS writes them, without HTML-safe escaping.</summary>
internal static class JsonSettings
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions NodeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
}
