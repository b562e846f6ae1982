import { Text } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * A chart that fails to draw (the library throwing in a browser it does not expect) leaves its table in its place:
 * the numbers are the same, and the page around it keeps working.
 */
export class ChartFallback extends Component<{ table: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('A chart could not be drawn; its table is shown', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <Text size={200}>The chart could not be drawn here; the same numbers as a table:</Text>
        {this.props.table}
      </>
    );
  }
}
