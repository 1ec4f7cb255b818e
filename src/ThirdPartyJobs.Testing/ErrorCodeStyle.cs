namespace ThirdPartyJobs.Testing;

/// <summary>
/// How the emulator tells a client the error code of a failed call. AWS JSON services use all three forms, so a
/// client must understand each of them.
/// </summary>
public enum ErrorCodeStyle
{
    /// <summary>The bare code in the body: <c>{"__type":"JobNotFoundException","message":"..."}</c>.</summary>
    TypeField,

    /// <summary>
    /// The code prefixed with its Smithy/Coral namespace in the body:
    /// <c>{"__type":"com.amazonaws.codepipeline#JobNotFoundException","message":"..."}</c>.
    /// </summary>
    NamespacedTypeField,

    /// <summary>
    /// The code in the <c>X-Amzn-ErrorType</c> header
    /// (<c>JobNotFoundException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/</c>) and a body
    /// that carries only the message. A test knob for clients, not what CodePipeline sends: CodePipeline puts the
    /// code in the body's <c>__type</c>, and botocore, which reads only the body, cannot tell the code from this
    /// form. Use it to check that a client also reads the header (as the AWS SDK for .NET and JavaScript do).
    /// </summary>
    ErrorTypeHeader,
}
