using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    public static (string What, string Hint)? FindMissingSettings(HostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Worker");
        if (string.IsNullOrEmpty(section["Provider"]))
        {
            return ("--worker needs the action type to poll for: Worker:Provider is not set.",
                "Set Worker__Provider=<provider> (and Worker__Category, Worker__Owner, Worker__Version when not Build/ThirdParty/1) and Worker__ClientTokens__<clientId>=<clientToken>.");
        }

        // A third-party action's jobs are claimed with the client token of the job's client id; a custom action needs none.
        var isCustom = string.Equals(section["Owner"], "Custom", StringComparison.Ordinal);
        return !isCustom && !section.GetSection("ClientTokens").GetChildren().Any()
            ? ("--worker needs the client tokens of the action's clients: Worker:ClientTokens is empty.",
               "Set Worker__ClientTokens__<clientId>=<clientToken> for each client id of the action (or Worker__Owner=Custom for a custom action).")
            : null;
    }

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
        // A failed start reaches the caller, which prints it as two lines; the host's own log of it would repeat
        // it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
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
