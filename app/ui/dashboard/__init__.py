"""The dashboard: each profile's last cycle, the next one, statistics, provisioning on demand,
restart, allow deletes, the provisioning logs and a chart of cycles; and, while the program
is open, each profile's schedule of cycles.

- `entry`: `open_dashboard(shell)`, the window for the application, and the wizard it opens;
- `window`: DashboardWindow, which follows the profiles' runtimes and acts on requests;
- `layout`: its widgets, built part by part; `words`: what it says; `dialogs`: what it asks;
- `runtime`: ProfileRuntime, the Qt side of a profile's ProfileSchedule (app.run.schedule):
  its callbacks as signals, each cycle a LockedCycle (app.run.cycle) seen through a CycleRun;
- `bridge`: DashboardBridge, the engine calls the window needs, as Operations;
- `snapshot`: what the window reads of a profile's state file, and the chart's bars.

Every cycle takes the profile's cross-process lock, so that this window and a scheduled
`webex-provisioner sync` never run the same profile together. The window itself never
calls the engine: the bridge and the runtimes do.
"""
