using Microsoft.Extensions.Time.Testing;
using NUnit.Framework.Constraints;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>
/// A poll of the default test action type whose signing input is spoiled, and the rejection it must get: the shared
/// arrangement and assertion of the table-driven signature and session-token tests.
/// </summary>
public sealed class SpoiledPoll
{
    public const string Body = """{"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"TestProvider","version":"1"}}""";

    private readonly Action<EmulatorClient, FakeTimeProvider>? _spoil;
    private readonly Action<HttpRequestMessage>? _afterSigning;
    private readonly string _code;
    private readonly IResolveConstraint? _message;
    private readonly int? _status;

    private SpoiledPoll(Action<EmulatorClient, FakeTimeProvider>? spoil, Action<HttpRequestMessage>? afterSigning, string code, IResolveConstraint? message, int? status)
    {
        _spoil = spoil;
        _afterSigning = afterSigning;
        _code = code;
        _message = message;
        _status = status;
    }

    public static string Target => EmulatorClient.Target(CodePipelineOperation.PollForThirdPartyJobs);

    /// <summary>
    /// A case: <paramref name="spoil"/> changes the client (keys, clock, region, service) before signing,
    /// <paramref name="afterSigning"/> the signed request; the answer must carry <paramref name="code"/> and, when
    /// given, a message that meets <paramref name="message"/> and the <paramref name="status"/>.
    /// </summary>
    internal static TestCaseData Rejected(
        string name,
        string code,
        IResolveConstraint? message = null,
        int? status = null,
        Action<EmulatorClient, FakeTimeProvider>? spoil = null,
        Action<HttpRequestMessage>? afterSigning = null) =>
        new TestCaseData(new SpoiledPoll(spoil, afterSigning, code, message, status)).SetName(name);

    internal static void ReplaceAuthorization(HttpRequestMessage request, Func<string, string> change)
    {
        var header = request.Headers.GetValues("Authorization").Single();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", change(header));
    }

    internal async Task AssertRejectedAsync(EmulatorClient client, FakeTimeProvider time)
    {
        _spoil?.Invoke(client, time);

        var response = await client.SendAsync(Target, Body, afterSigning: _afterSigning);

        Assert.Multiple(() =>
        {
            if (_status is not null)
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(_status));
            }

            Assert.That(response.ErrorCode, Is.EqualTo(_code));
            if (_message is not null)
            {
                Assert.That(response.Message, _message);
            }
        });
    }

    public override string ToString() => _code;
}
