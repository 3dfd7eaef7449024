using System.Text.RegularExpressions;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An error from ONNX Runtime: its error code and message, verbatim.</summary>
public sealed partial class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(OrtErrorCode code, string message)
        : this(code, message, null)
    {
    }

    OnnxRuntimeException(OrtErrorCode code, string message, Exception? inner)
        : base($"ONNX Runtime {code}: {message}", inner) => (Code, RuntimeMessage) = (code, message);

    public OrtErrorCode Code { get; }

    /// <summary>ORT's own message, without the code prefix.</summary>
    public string RuntimeMessage { get; }

    /// <summary>The package's exception keeps ORT's code only in its message ("[ErrorCode:NoSuchFile] …"),
    /// so it is read back from there; the package names two codes after their meaning in older ORTs.</summary>
    internal static OnnxRuntimeException From(Microsoft.ML.OnnxRuntime.OnnxRuntimeException error)
    {
        var match = PackageMessage().Match(error.Message);
        if (!match.Success)
            return new OnnxRuntimeException(OrtErrorCode.Fail, error.Message, error);
        var code = match.Groups["code"].Value switch
        {
            "ShapeInferenceNotRegistered" => OrtErrorCode.ExecutionProviderFail,
            "RequirementNotRegistered" => OrtErrorCode.ModelLoadCanceled,
            var name => Enum.TryParse<OrtErrorCode>(name, out var parsed) ? parsed : OrtErrorCode.Fail,
        };
        return new OnnxRuntimeException(code, match.Groups["message"].Value, error);
    }

    [GeneratedRegex(@"^\[ErrorCode:(?<code>\w+)\] (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex PackageMessage();
}
