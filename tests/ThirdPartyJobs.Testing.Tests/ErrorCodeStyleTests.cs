namespace ThirdPartyJobs.Testing.Tests;

[TestFixture(ErrorCodeStyle.TypeField)]
[TestFixture(ErrorCodeStyle.NamespacedTypeField)]
[TestFixture(ErrorCodeStyle.ErrorTypeHeader)]
public sealed class ErrorCodeStyleTests(ErrorCodeStyle style) : EmulatorTest
{
    [Test]
    public async Task A_service_error_is_written_in_the_configured_form()
    {
        var response = await Client.GetDetailsAsync("no-such-job", ActionType.ClientToken);

        AssertForm(response, "JobNotFoundException", "com.amazonaws.codepipeline");
    }

    [Test]
    public async Task An_authentication_error_is_written_in_the_configured_form()
    {
        Client.AccessKeyId = "AKIAUNKNOWN000000000";

        var response = await Client.PollAsync(ActionType);

        AssertForm(response, "UnrecognizedClientException", "com.amazon.coral.service");
    }

    [Test]
    public async Task A_throttling_error_is_written_in_the_configured_form()
    {
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs);

        var response = await Client.PollAsync(ActionType);

        AssertForm(response, "ThrottlingException", "com.amazon.coral.availability");
    }

    protected override void Configure(CodePipelineEmulatorOptions options) => options.ErrorCodeStyle = style;

    private void AssertForm(EmulatorResponse response, string code, string errorNamespace)
    {
        var json = response.Json;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(json.GetProperty("message").GetString(), Is.Not.Empty);
            switch (style)
            {
                case ErrorCodeStyle.TypeField:
                    Assert.That(json.GetProperty("__type").GetString(), Is.EqualTo(code));
                    Assert.That(response.Headers.Contains("X-Amzn-ErrorType"), Is.False);
                    break;
                case ErrorCodeStyle.NamespacedTypeField:
                    Assert.That(json.GetProperty("__type").GetString(), Is.EqualTo(errorNamespace + "#" + code));
                    Assert.That(response.Headers.Contains("X-Amzn-ErrorType"), Is.False);
                    break;
                case ErrorCodeStyle.ErrorTypeHeader:
                    Assert.That(response.Headers.GetValues("X-Amzn-ErrorType").Single(), Is.EqualTo($"{code}:http://internal.amazon.com/coral/{errorNamespace}/"));
                    Assert.That(json.TryGetProperty("__type", out _), Is.False);
                    break;
            }

            Assert.That(response.ErrorCode, Is.EqualTo(code));
        });
    }
}
