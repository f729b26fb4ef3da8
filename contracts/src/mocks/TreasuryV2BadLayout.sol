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

/// @title TreasuryV2BadLayout
/// @notice DO NOT DEPLOY. Exists only to prove that storage-layout checks fail on a broken V2.
/// @dev Same API as TreasuryV2, but `dailyLimit` is declared BEFORE `withdrawalCount`, so
/// `withdrawalCount` moves from slot 0 to slot 1 and, after a beacon upgrade from Treasury,
/// the old count is read as the limit.
contract TreasuryV2BadLayout is Initializable, OwnableUpgradeable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Per-withdrawal ETH limit. Wrongly inserted before `withdrawalCount` (the bug).
    uint256 public dailyLimit;

    /// @notice Number of successful withdrawals; now at slot 1 instead of slot 0.
    uint256 public withdrawalCount;

    /// @notice ETH arrived through {receive}.
    event Deposited(address indexed from, uint256 amount);
    /// @notice ETH was paid out by {withdrawETH}.
    event EthWithdrawn(address indexed to, uint256 amount);
    /// @notice An ERC-20 was paid out by {transferToken}.
    event TokenTransferred(address indexed token, address indexed to, uint256 amount);

    /// @notice A withdrawal asked for more than the limit.
    /// @param amount The requested amount in wei.
    /// @param limit The current limit in wei.
    error TreasuryDailyLimitExceeded(uint256 amount, uint256 limit);

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes a treasury proxy.
    /// @param owner_ The owner.
    function initialize(address owner_) external initializer {
        __Ownable_init(owner_);
    }

    /// @notice Sets up the V2 state once, after the beacon upgrade.
    /// @param dailyLimit_ The ETH limit in wei; zero disables it.
    function initializeV2(uint256 dailyLimit_) external reinitializer(2) onlyOwner {
        dailyLimit = dailyLimit_;
    }

    /// @notice Accepts ETH and records the deposit.
    receive() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    /// @notice Sends `amount` wei to `to`, enforcing the limit when it is set.
    /// @param to Recipient.
    /// @param amount Wei to send.
    function withdrawETH(address payable to, uint256 amount) external onlyOwner nonReentrant {
        uint256 limit = dailyLimit;
        if (limit != 0 && amount > limit) revert TreasuryDailyLimitExceeded(amount, limit);
        withdrawalCount += 1;
        emit EthWithdrawn(to, amount);
        Address.sendValue(to, amount);
    }

    /// @notice Sends `amount` of `token` to `to`.
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

    /// @notice Implementation version.
    /// @return "2.0.0-bad-layout".
    function version() external pure returns (string memory) {
        return "2.0.0-bad-layout";
    }
}
