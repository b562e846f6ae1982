import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ArmErrorBar } from './arm-error-bar';

interface Props {
  /** Changing it (a new blade) clears a previous failure. */
  resetKey: string;
  children: ReactNode;
}

/** Keeps a failing blade inside its frame: the shell, menu and other blades stay usable. */
export class BladeErrorBoundary extends Component<Props, { error?: unknown; key: string }> {
  override state: { error?: unknown; key: string } = { key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error?: unknown; key: string }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A blade failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined) {
      return (
        <div role="alert" style={{ padding: 16 }}>
          <ArmErrorBar
            error={this.state.error}
            title="This blade stopped working"
            onRetry={() => this.setState({ error: undefined })}
          />
        </div>
      );
    }
    return this.props.children;
  }
}
