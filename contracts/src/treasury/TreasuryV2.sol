// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Treasury} from "./Treasury.sol";

/// @title TreasuryV2
/// @notice Treasury with a per-withdrawal ETH limit.
/// @dev Inherits Treasury so the V1 layout is kept by construction; `dailyLimit` is appended
/// after `withdrawalCount` (slot 1). A beacon upgrade cannot run an initializer, so the
/// timelock batches `beacon.upgradeTo(v2)` with `proxy.initializeV2(limit)` per proxy.
/// @custom:oz-upgrades-from src/treasury/Treasury.sol:Treasury
contract TreasuryV2 is Treasury {
    /// @notice Largest amount a single {withdrawETH} may send; zero means no limit.
    /// @dev Named "daily" after the ops playbook's intent; enforced per call in this version.
    uint256 public dailyLimit;

    /// @notice A withdrawal asked for more than the limit.
    /// @param amount The requested amount in wei.
    /// @param limit The current limit in wei.
    error TreasuryDailyLimitExceeded(uint256 amount, uint256 limit);

    /// @notice Sets up the V2 state once, after the beacon upgrade.
    /// @dev Owner only: a beacon upgrade cannot call into its proxies, so this runs as a separate
    /// call (batched after `upgradeTo` by the timelock); left open, anyone could run it first.
    /// @param dailyLimit_ The ETH limit in wei; zero disables it.
    function initializeV2(uint256 dailyLimit_) external reinitializer(2) onlyOwner {
        dailyLimit = dailyLimit_;
    }

    /// @dev Adds the limit to {withdrawETH}; the owner check has already run.
    function _withdrawETH(address payable to, uint256 amount) internal virtual override {
        uint256 limit = dailyLimit;
        if (limit != 0 && amount > limit) revert TreasuryDailyLimitExceeded(amount, limit);
        super._withdrawETH(to, amount);
    }

    /// @notice Implementation version.
    /// @return "2.0.0".
    function version() external pure virtual override returns (string memory) {
        return "2.0.0";
    }
}
