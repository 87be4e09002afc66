using Stow.Cell.Shift;
using Stow.Core.Ids;

namespace Stow.Cell.Mqtt;

/// <summary>A prompt to operators, outstanding until acknowledged.</summary>
/// <param name="Id">Unique id (<c>[A-Za-z0-9-]</c>), also the last topic level.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Message">Text for the operator.</param>
/// <param name="IssuedAt">UTC time it was first issued.</param>
/// <param name="Pod">Pod concerned, if any.</param>
/// <param name="Bin">Bin concerned, if any.</param>
/// <param name="Item">Item concerned, if any.</param>
public sealed record OperatorPrompt(
    string Id, PromptKind Kind, string Message, DateTimeOffset IssuedAt, PodId? Pod = null, BinId? Bin = null, ItemId? Item = null);
