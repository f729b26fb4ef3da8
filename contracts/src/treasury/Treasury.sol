// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    OwnableUpgradeable
} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title Treasury
/// @notice StoryDAO treasury: holds ETH and ERC-20s, pays out only on the timelock's order.
/// @dev Implementation behind an UpgradeableBeacon (owned by the timelock) and BeaconProxy
/// instances. The reentrancy guard is transient (EIP-1153), so it takes no storage slot;
/// Ownable and Initializable use ERC-7201 namespaces. `withdrawalCount` is the one plain slot
/// (slot 0), which the storage-layout tests track across versions.
contract Treasury is Initializable, OwnableUpgradeable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Number of successful {withdrawETH} and {transferToken} calls.
    uint256 public withdrawalCount;

    /// @notice ETH arrived through {receive}.
    /// @param from Sender.
    /// @param amount Wei received.
    event Deposited(address indexed from, uint256 amount);

    /// @notice ETH was paid out by {withdrawETH}.
    /// @param to Recipient.
    /// @param amount Wei sent.
    event EthWithdrawn(address indexed to, uint256 amount);

    /// @notice An ERC-20 was paid out by {transferToken}.
    /// @param token The token contract.
    /// @param to Recipient.
    /// @param amount Token base units sent.
    event TokenTransferred(address indexed token, address indexed to, uint256 amount);

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes a treasury proxy.
    /// @param owner_ The owner (the timelock); reverts with `OwnableInvalidOwner` if zero.
    function initialize(address owner_) external initializer {
        __Ownable_init(owner_);
    }

    /// @notice Accepts ETH and records the deposit.
    receive() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    /// @notice Sends `amount` wei to `to`.
    /// @dev Owner only. Reverts with `InsufficientBalance` or `FailedCall` from Address.
    /// @param to Recipient.
    /// @param amount Wei to send.
    function withdrawETH(address payable to, uint256 amount) external onlyOwner nonReentrant {
        _withdrawETH(to, amount);
    }

    /// @notice Sends `amount` of `token` to `to`.
    /// @dev Owner only. Uses SafeERC20, so tokens that return false or nothing are handled.
    /// @param token The ERC-20 to send.
    /// @param to Recipient.
    /// @param amount Token base units to send.
    function transferToken(IERC20 token, address to, uint256 amount)
        external
        onlyOwner
        nonReentrant
    {
        withdrawalCount += 1;
        emit TokenTransferred(address(token), to, amount);
        token.safeTransfer(to, amount);
    }

    /// @dev ETH payout path behind {withdrawETH}; later versions hook their extra checks in
    /// here so the owner check and the reentrancy guard always run first.
    function _withdrawETH(address payable to, uint256 amount) internal virtual {
        withdrawalCount += 1;
        emit EthWithdrawn(to, amount);
        Address.sendValue(to, amount);
    }

    /// @notice Implementation version, read by the ops tooling to confirm an upgrade landed.
    /// @return The semantic version of this implementation.
    function version() external pure virtual returns (string memory) {
        return "1.0.0";
    }
}
