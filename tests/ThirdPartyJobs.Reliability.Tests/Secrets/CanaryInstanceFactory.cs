using System.Collections;
using System.Reflection;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ThirdPartyJobs.Reliability.Tests.Secrets;

/// <summary>
/// Builds instances of public types by reflection, through their public constructors or static
/// factories, planting a unique canary in every string that is not a known non-secret identifier
/// or message, in every dictionary value, and in every writable string property. A new type (or a
/// new string member) is therefore treated as secret until someone decides otherwise here.
/// </summary>
internal sealed class CanaryInstanceFactory
{
    /// <summary>String members that are identifiers, names or messages by design and may be shown.</summary>
    private static readonly HashSet<string> NonSecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "jobId", "nonce", "name", "revision", "provider", "version", "pipelineName", "stageName", "actionName",
        "actionExecutionId", "pipelineArn", "pipelineExecutionId", "bucketName", "objectKey", "clientId", "message",
        "operation", "errorCode", "requestId", "summary", "externalExecutionId", "changeIdentifier", "revisionSummary",
        "continuationToken", "workerName",
        // Artifacts: names, local paths and S3 metadata.
        "artifactName", "directory", "eTag", "region", "entryName", "tempDirectory", "versionId",
        // The emulator: job ids, key ids, HTTP facts and local paths.
        "continuationOfJobId", "encryptionKeyId", "method", "target", "path", "installDirectory", "dataDirectory", "serviceUrl", "contentType",
        "category", "owner", "type", "followUpJobId", "accountId", "queryableProperty",
        // The worker's journal: a job's kind (the action type's owner) and a local path.
        "kind", "journalDirectory",
        // Like "message": the service's own message (scrubbed of the call's secrets when it is built), and the
        // name of the setting a configuration error is about.
        "serviceMessage", "setting",
        // Output variables are shown to every reader of the pipeline's execution history (CodePipeline says not
        // to put secrets in them), so a job outcome may print and serialize them.
        "outputVariables",
    };

    private const int MaxDepth = 6;
    private int _planted;

    public CanaryDetector Detector { get; } = new(Canaries.Named);

    /// <summary>Planted canaries, by the member they were planted in.</summary>
    public List<string> PlantedIn { get; } = [];

    /// <summary>Builds an instance of <paramref name="type"/>, or returns null with the reason.</summary>
    public object? TryCreate(Type type, out string? whyNot)
    {
        try
        {
            var instance = Create(type, type.Name, 0);
            whyNot = instance is null ? "no public constructor or factory could build it" : null;
            return instance;
        }
        catch (Exception error)
        {
            whyNot = $"{error.GetType().Name}: {error.Message}";
            return null;
        }
    }

    private string Plant(string member)
    {
        var value = $"cnryP{_planted++:D3}-{Guid.NewGuid():N}";
        Detector.Add($"planted canary in {member}", value);
        PlantedIn.Add(member);
        return value;
    }

    private object? Create(Type type, string member, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return NonSecretNames.Contains(member) ? $"plain-{member}" : Plant(member);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Create(underlying, member, depth);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(type == typeof(bool) ? true : 7, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Simple(type) is { } simple)
        {
            return simple;
        }

        if (type.BaseType is { IsGenericType: true } enumBase && enumBase.GetGenericTypeDefinition() == typeof(ExtensibleEnum<>))
        {
            // Open enumerations are not secret: use a known value.
            return type.GetProperties(BindingFlags.Public | BindingFlags.Static).First(p => p.PropertyType == type).GetValue(null);
        }

        if (typeof(Exception).IsAssignableFrom(type) && depth > 0)
        {
            return null;
        }

        if (Collection(type, member, depth) is { } collection)
        {
            return collection;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            return Implementation(type, member, depth);
        }

        return Construct(type, member, depth);
    }

    private static object? Simple(Type type)
    {
        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(1);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        }

        if (type == typeof(Guid))
        {
            return new Guid("01234567-89ab-cdef-0123-456789abcdef");
        }

        if (type == typeof(Uri))
        {
            return new Uri("http://127.0.0.1:9/");
        }

        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (type == typeof(TimeProvider))
        {
            return TimeProvider.System;
        }

        if (type == typeof(ILoggerFactory))
        {
            return NullLoggerFactory.Instance;
        }

        if (type == typeof(AWSCredentials))
        {
            return new BasicAWSCredentials(Canaries.SigningAccessKeyId, Canaries.SigningSecretAccessKey);
        }

        if (type == typeof(AWSOptions))
        {
            return new AWSOptions
            {
                Credentials = new BasicAWSCredentials(Canaries.SigningAccessKeyId, Canaries.SigningSecretAccessKey),
                DefaultClientConfig = { ServiceURL = "http://127.0.0.1:9/", AuthenticationRegion = "us-east-1" },
            };
        }

        if (type == typeof(IServiceCollection))
        {
            return new ServiceCollection();
        }

        if (type == typeof(IServiceProvider))
        {
            return new ServiceCollection().BuildServiceProvider();
        }

        return null;
    }

    private object? Collection(Type type, string member, int depth)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) && !(type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType()! : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is null)
        {
            return null;
        }

        if (element == typeof(KeyValuePair<string, string>) && NonSecretNames.Contains(member))
        {
            return type.IsAssignableFrom(typeof(Dictionary<string, string>)) ? new Dictionary<string, string>(StringComparer.Ordinal) { ["Plain"] = $"plain-{member}" } : null;
        }

        if (element == typeof(KeyValuePair<string, string>))
        {
            // Configuration-like maps: keys are shown, every value is secret.
            var map = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ApiKey"] = Plant(member + "[ApiKey]"),
                ["Password"] = Plant(member + "[Password]"),
            };
            return type.IsAssignableFrom(map.GetType()) ? map : null;
        }

        if (!type.IsArray && !type.IsInterface)
        {
            return null;
        }

        var item = Create(element, member, depth + 1);
        var array = Array.CreateInstance(element, item is null ? 0 : 1);
        if (item is not null)
        {
            array.SetValue(item, 0);
        }

        if (type.IsAssignableFrom(array.GetType()))
        {
            return array;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        if (item is not null)
        {
            list.Add(item);
        }

        return type.IsAssignableFrom(list.GetType()) ? list : null;
    }

    private object? Implementation(Type type, string member, int depth)
    {
        // A shipped implementation if there is one, else a mock (interfaces carry no data of their own).
        var concrete = type.Assembly.GetExportedTypes().FirstOrDefault(t => !t.IsAbstract && !t.IsInterface && type.IsAssignableFrom(t) && !t.ContainsGenericParameters);
        if (concrete is not null)
        {
            return Create(concrete, member, depth);
        }

        if (type.IsInterface && !type.ContainsGenericParameters)
        {
            return ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(type))!).Object;
        }

        return null;
    }

    private object? Construct(Type type, string member, int depth)
    {
        // A delegate (e.g. JobContext's refresh function) holds no data of its own: none.
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return null;
        }

        // Public constructors first; then internal ones, for types the library builds itself (a worker's JobContext).
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Concat(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Where(c => c.IsAssembly || c.IsFamilyOrAssembly))
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == type))
            .OrderByDescending(c => c.IsPublic)
            .ThenByDescending(c => c.GetParameters().Length);
        foreach (var constructor in constructors)
        {
            try
            {
                var instance = constructor.Invoke(Arguments(constructor.GetParameters(), depth));
                FillWritableStrings(instance, depth);
                return instance;
            }
            catch (TargetInvocationException)
            {
                // Try the next constructor.
            }
        }

        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }

        var factories = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == type && !m.IsGenericMethodDefinition && !m.IsSpecialName)
            .OrderByDescending(m => m.GetParameters().Length);
        foreach (var factory in factories)
        {
            try
            {
                return factory.Invoke(null, Arguments(factory.GetParameters(), depth));
            }
            catch (TargetInvocationException)
            {
                // Try the next factory.
            }
        }

        return null;
    }

    private object?[] Arguments(ParameterInfo[] parameters, int depth) =>
        parameters.Select(p => Create(p.ParameterType, p.Name ?? "?", depth + 1)).ToArray();

    private void FillWritableStrings(object instance, int depth)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Framework base members (Exception.HelpLink, Exception.Source) are not ours to judge.
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0 || property.DeclaringType?.Assembly == typeof(object).Assembly)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.SetValue(instance, Create(typeof(string), property.Name, depth + 1));
            }
        }
    }
}
