using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// <c>--worker</c>: runs the job worker against real CodePipeline for the action type in the <c>Worker</c>
/// configuration section (e.g. <c>Worker__Provider=MyPartnerAction</c> and
/// <c>Worker__ClientTokens__&lt;clientId&gt;=&lt;token&gt;</c> as environment variables), until Ctrl+C.
/// Artifacts options come from the <c>ThirdPartyJobs:Artifacts</c> section (e.g. <c>Region</c>): a job with input
/// and output artifacts gets the demo build (<see cref="ArtifactBuild"/>) on its real artifacts.
/// </summary>
internal static class OnlineWorker
{
    /// <summary>What is missing from the <c>Worker</c> section, or null when the worker can run.</summary>
    public static (string What, string Hint)? FindMissingSettings(HostApplicationBuilder builder) =>
        string.IsNullOrEmpty(builder.Configuration["Worker:Provider"])
            ? ("--worker needs the action type to poll for: Worker:Provider is not set.",
               "Set Worker__Provider=<provider> (and Worker__Category, Worker__Owner, Worker__Version when not Build/ThirdParty/1) and Worker__ClientTokens__<clientId>=<clientToken>.")
            : null;

    public static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Worker");
        var actionTypeId = new ActionTypeId(
            ActionCategory.FromValue(section["Category"] ?? "Build"),
            ActionOwner.FromValue(section["Owner"] ?? "ThirdParty"),
            section["Provider"]!,
            section["Version"] ?? "1");
        builder.Services.AddThirdPartyJobArtifacts(builder.Configuration);
        builder.Services.AddThirdPartyJobWorker<DemoJobHandler>("online", options =>
        {
            options.ActionTypeId = actionTypeId;
            foreach (var token in section.GetSection("ClientTokens").GetChildren())
            {
                options.ClientTokens[token.Key] = token.Value ?? string.Empty;
            }
        });
        using var host = builder.Build();

        // Resolve the client before starting, so that missing credentials or a bad region surface here as one
        // message, not later inside the background service.
        host.Services.GetRequiredService<IThirdPartyJobClient>();
        await host.StartAsync(cancellationToken);
        output.WriteLine($"Running the job worker for {actionTypeId.Category}/{actionTypeId.Owner}/{actionTypeId.Provider}/{actionTypeId.Version}; Ctrl+C stops it.");
        await host.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
