using System.Text;

namespace ThirdPartyJobs.Hosting.Diagnostics;

/// <summary>
/// A handler's exception as the worker logs it by default: messages (the exception's and its
/// inner exceptions') with the job's own secrets replaced, and the stack trace.
/// </summary>
internal static class HandlerErrorText
{
    public const string Redacted = "***";
    public const string WithheldMessage = "(message withheld: it quoted a short secret of the job)";

    public static string Message(Exception error, IReadOnlyList<string> secrets)
    {
        var text = new StringBuilder(Scrub(error.Message, secrets));
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" ---> ").Append(inner.GetType().FullName).Append(": ").Append(Scrub(inner.Message, secrets));
        }

        return text.ToString();
    }

    public static string? StackTrace(Exception error, IReadOnlyList<string> secrets) => error.StackTrace is { } trace ? Scrub(trace, secrets) : null;

    // The one scrubbing rule of the library (a secret shorter than six characters withholds the whole text).
    public static string Scrub(string text, IReadOnlyList<string> secrets) => SecretScrubber.Scrub(text, secrets, WithheldMessage)!;
}
