namespace Stow.Tools.Tests.Support;

/// <summary>
/// Runs <c>stowtools</c> in-process with Console redirected; callers sit in the "Console" collection so that no other
/// test writes to the Console meanwhile.
/// </summary>
internal static class CliRun
{
    /// <summary>The exit code and what the command wrote to stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var oldOut = Console.Out;
        var oldErr = Console.Error;
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var code = Program.Main(args);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
