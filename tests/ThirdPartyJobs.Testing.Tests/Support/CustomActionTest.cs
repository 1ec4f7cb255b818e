namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>An <see cref="EmulatorTest"/> that also registers a custom action type (owner <c>Custom</c>) for every test.</summary>
public abstract class CustomActionTest : EmulatorTest
{
    protected RegisteredActionType Custom { get; private set; } = null!;

    [SetUp]
    public void RegisterCustomActionType() => Custom = Emulator.RegisterActionType("Build", "Custom", "MyBuilder", "1");
}
