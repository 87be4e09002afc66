namespace Stow.Cell.Hmi;

/// <summary>The users who may log in to a running HMI server (read once at start). Immutable.</summary>
/// <param name="List">Configured users.</param>
internal sealed record HmiUsers(IReadOnlyList<HmiUserOptions> List)
{
    /// <summary>The line logged when nobody may log in, naming the keys to set.</summary>
    public string NoneMessage(HmiOptions options) =>
        $"HMI: no users are configured, so every login is refused: set {HmiOptions.UsersFileKey} (now '{options.UsersFile}') to a users file made with "
        + "`stowcell hmi add-user NAME --role Operator|Supervisor`, or list Cell:Hmi:Users in a --config file";
}
